package org.ubcs.restriction.mapping;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.CeaseAndDesist;
import org.ubcs.api.model.ChannelLimit;
import org.ubcs.api.model.ContactAgreement;
import org.ubcs.api.model.ContactCap;
import org.ubcs.api.model.EmergencyRestrictionInput;
import org.ubcs.api.model.FollowUpAssessment;
import org.ubcs.api.model.Injunction;
import org.ubcs.api.model.Lifting;
import org.ubcs.api.model.MatterClosed;
import org.ubcs.api.model.MeetingsByAppointment;
import org.ubcs.api.model.NamedOfficer;
import org.ubcs.api.model.NoFaceToFace;
import org.ubcs.api.model.OtherRestriction;
import org.ubcs.api.model.PremisesBan;
import org.ubcs.api.model.Restriction;
import org.ubcs.api.model.RestrictionInput;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.api.model.RestrictionTerms;
import org.ubcs.api.model.SinglePointOfContact;
import org.ubcs.api.model.TimeWindow;
import org.ubcs.api.model.TimeWindows;
import org.ubcs.api.model.Weekday;
import org.ubcs.api.model.WitnessRequired;
import org.ubcs.restriction.domain.RestrictionDraft;
import org.ubcs.restriction.domain.RestrictionEntity;
import org.ubcs.restriction.domain.RestrictionInputs;
import org.ubcs.restriction.domain.RestrictionView;
import org.ubcs.restriction.domain.Terms;

/** Between the contract's restriction models and the restriction's terms. */
@ApplicationScoped
public class RestrictionMapper {

    public RestrictionDraft toDraft(RestrictionInput input) {
        return RestrictionInputs.draft(input);
    }

    /** An emergency restriction's draft: the service sets its start (today) and scope (all matters). */
    public RestrictionDraft toDraft(EmergencyRestrictionInput input) {
        return new RestrictionDraft(RestrictionInputs.terms(input.getTerms()), RestrictionScope.ALL_MATTERS, null,
                input.getEndsOn(), input.getReasons(), RestrictionInputs.list(input.getStatutoryServicesAffected()),
                input.getLegalBasis(), input.getAdjustmentsOverride());
    }

    public Terms toTerms(RestrictionTerms terms) {
        return RestrictionInputs.terms(terms);
    }

    public RestrictionTerms toApi(Terms terms) {
        String type = terms.typeName();
        if (terms instanceof Terms.SinglePointOfContact t) {
            return new SinglePointOfContact(type, officer(t.officer()))
                    .deputy(officer(t.deputy()));
        }
        if (terms instanceof Terms.ChannelLimit t) {
            return new ChannelLimit(type, ordered(t.allowedChannels()))
                    .dedicatedEmailAddress(t.dedicatedEmailAddress());
        }
        if (terms instanceof Terms.TimeWindows t) {
            return new TimeWindows(type, ordered(t.channels()),
                    t.windows().stream().map(RestrictionMapper::window).toList());
        }
        if (terms instanceof Terms.ContactCap t) {
            return new ContactCap(type, t.maxContacts(), t.per())
                    .maxCallMinutes(t.maxCallMinutes());
        }
        if (terms instanceof Terms.MatterClosed t) {
            return new MatterClosed(type, t.acknowledge());
        }
        if (terms instanceof Terms.WitnessRequired) {
            return new WitnessRequired(type);
        }
        if (terms instanceof Terms.MeetingsByAppointment t) {
            return new MeetingsByAppointment(type).offices(t.offices());
        }
        if (terms instanceof Terms.NoFaceToFace) {
            return new NoFaceToFace(type);
        }
        if (terms instanceof Terms.PremisesBan t) {
            return new PremisesBan(type, t.premises());
        }
        if (terms instanceof Terms.ContactAgreement t) {
            return new ContactAgreement(type, t.terms(), t.agreedOn());
        }
        if (terms instanceof Terms.CeaseAndDesist t) {
            return new CeaseAndDesist(type, t.issuedOn()).details(t.details());
        }
        if (terms instanceof Terms.Injunction t) {
            return new Injunction(type, t.court(), t.reference(), t.expiresOn());
        }
        if (terms instanceof Terms.Other t) {
            return new OtherRestriction(type, t.description());
        }
        throw new IllegalArgumentException("Unknown restriction terms " + terms);
    }

    public Restriction toApi(RestrictionView view, java.time.LocalDate today) {
        RestrictionEntity r = view.restriction();
        Restriction api = new Restriction(r.id, r.customerId, r.emergency, r.versionNumber, toApi(r.terms), r.scope,
                r.startsOn, r.reasons, List.of(r.statutoryServices), r.stateOn(today),
                new Actor(r.imposedBySubject, r.imposedByName), r.imposedAt.atOffset(ZoneOffset.UTC));
        api.setCaseId(r.caseId);
        api.setDecisionId(r.decisionId);
        api.setSupersedes(r.supersedes);
        api.setSupersededBy(r.supersededBy);
        api.setEndsOn(r.endsOn);
        api.setReviewOn(view.reviewOn());
        api.setLegalBasis(r.legalBasis);
        api.setAdjustmentsOverride(r.adjustmentsOverride);
        if (r.lifted) {
            api.setLifting(new Lifting(r.liftingReasons, r.liftedOn, new Actor(r.liftedBySubject, r.liftedByName)));
        }
        if (r.emergency) {
            api.setIncident(r.incident);
            api.setAssessmentDueOn(r.assessmentDueOn);
            api.setAssessmentOverdue(r.assessmentOverdueOn(today));
            if (r.followUp != null) {
                FollowUpAssessment followUp = new FollowUpAssessment(r.followUp.summary(),
                        new Actor(r.followUp.assessedBy().subject(), r.followUp.assessedBy().name()),
                        r.followUp.assessedAt().atOffset(ZoneOffset.UTC));
                followUp.setCaseId(r.followUp.caseId());
                api.setFollowUpAssessment(followUp);
            }
        }
        return api;
    }

    private static NamedOfficer officer(Terms.Officer officer) {
        return officer == null ? null
                : new NamedOfficer(officer.name()).email(officer.email()).phone(officer.phone());
    }

    private static TimeWindow window(Terms.Window window) {
        Set<Weekday> days = new java.util.LinkedHashSet<>();
        window.days().stream().sorted().forEach(day -> days.add(Weekday.valueOf(day.name())));
        return new TimeWindow(days, window.from().toString(), window.to().toString());
    }

    /** Channels in the contract's order, so a read shows them as they are listed everywhere. */
    private static Set<org.ubcs.api.model.Channel> ordered(Set<org.ubcs.api.model.Channel> channels) {
        return new java.util.LinkedHashSet<>(EnumSet.copyOf(channels));
    }
}
