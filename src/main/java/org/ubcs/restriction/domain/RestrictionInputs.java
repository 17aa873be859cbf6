package org.ubcs.restriction.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ubcs.api.model.CeaseAndDesist;
import org.ubcs.api.model.ChannelLimit;
import org.ubcs.api.model.ContactAgreement;
import org.ubcs.api.model.ContactCap;
import org.ubcs.api.model.Injunction;
import org.ubcs.api.model.MatterClosed;
import org.ubcs.api.model.MeetingsByAppointment;
import org.ubcs.api.model.NamedOfficer;
import org.ubcs.api.model.NoFaceToFace;
import org.ubcs.api.model.OtherRestriction;
import org.ubcs.api.model.PremisesBan;
import org.ubcs.api.model.RestrictionInput;
import org.ubcs.api.model.RestrictionTerms;
import org.ubcs.api.model.SinglePointOfContact;
import org.ubcs.api.model.TimeWindow;
import org.ubcs.api.model.TimeWindows;
import org.ubcs.api.model.WitnessRequired;

/**
 * A restriction as the contract's {@code RestrictionInput} gives it, read into a draft: the one reading, whether the
 * restriction comes on its own ({@code POST /cases/{caseId}/restrictions}, through the restriction mapper) or with
 * the decision that imposes it (the decision step hands the request's restrictions to the restriction service, which
 * reads them here: the cases capability cannot know restriction types).
 */
public final class RestrictionInputs {

    private RestrictionInputs() {
    }

    public static RestrictionDraft draft(RestrictionInput input) {
        return new RestrictionDraft(terms(input.getTerms()), input.getScope(), input.getStartsOn(),
                input.getEndsOn(), input.getReasons(), list(input.getStatutoryServicesAffected()),
                input.getLegalBasis(), input.getAdjustmentsOverride());
    }

    public static Terms terms(RestrictionTerms terms) {
        if (terms instanceof SinglePointOfContact t) {
            return new Terms.SinglePointOfContact(officer(t.getOfficer()),
                    officer(t.getDeputy()));
        }
        if (terms instanceof ChannelLimit t) {
            return new Terms.ChannelLimit(EnumSet.copyOf(t.getAllowedChannels()),
                    t.getDedicatedEmailAddress());
        }
        if (terms instanceof TimeWindows t) {
            return new Terms.TimeWindows(EnumSet.copyOf(t.getChannels()),
                    t.getWindows().stream().map(RestrictionInputs::window).toList());
        }
        if (terms instanceof ContactCap t) {
            return new Terms.ContactCap(t.getMaxContacts(), t.getPer(), t.getMaxCallMinutes());
        }
        if (terms instanceof MatterClosed t) {
            return new Terms.MatterClosed(t.getAcknowledge());
        }
        if (terms instanceof WitnessRequired) {
            return new Terms.WitnessRequired();
        }
        if (terms instanceof MeetingsByAppointment t) {
            return new Terms.MeetingsByAppointment(t.getOffices());
        }
        if (terms instanceof NoFaceToFace) {
            return new Terms.NoFaceToFace();
        }
        if (terms instanceof PremisesBan t) {
            return new Terms.PremisesBan(List.copyOf(t.getPremises()));
        }
        if (terms instanceof ContactAgreement t) {
            return new Terms.ContactAgreement(t.getTerms(), t.getAgreedOn());
        }
        if (terms instanceof CeaseAndDesist t) {
            return new Terms.CeaseAndDesist(t.getIssuedOn(), t.getDetails());
        }
        if (terms instanceof Injunction t) {
            return new Terms.Injunction(t.getCourt(), t.getReference(), t.getExpiresOn());
        }
        if (terms instanceof OtherRestriction t) {
            return new Terms.Other(t.getDescription());
        }
        throw new IllegalArgumentException("Unknown restriction terms " + terms);
    }

    public static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static Terms.Officer officer(NamedOfficer officer) {
        return officer == null ? null : new Terms.Officer(officer.getName(), officer.getEmail(), officer.getPhone());
    }

    private static Terms.Window window(TimeWindow window) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        window.getDays().forEach(day -> days.add(DayOfWeek.valueOf(day.name())));
        return new Terms.Window(days, LocalTime.parse(window.getFrom()), LocalTime.parse(window.getTo()));
    }
}
