package org.ubcs.restriction.domain;

import java.util.EnumSet;
import java.util.List;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.letter.domain.RestrictionFacts;

/**
 * A restriction's typed terms as a letter states them. The words are the letter templates' (one part per language,
 * {@code letters/<language>/parts/restriction.txt}), so Welsh has its own; this only hands over the facts.
 */
public final class TermsFacts {

    private TermsFacts() {
    }

    /** The facts of one restriction version for a letter. */
    public static RestrictionFacts of(RestrictionEntity restriction) {
        return of(restriction.terms, restriction.scope, restriction.endsOn);
    }

    public static RestrictionFacts of(RestrictionDraft draft) {
        return of(draft.terms(), draft.scope(), draft.endsOn());
    }

    public static RestrictionFacts of(Terms terms, RestrictionScope scope, java.time.LocalDate endsOn) {
        boolean thisMatter = scope == RestrictionScope.THIS_MATTER;
        RestrictionFacts.Officer officer = null;
        RestrictionFacts.Officer deputy = null;
        List<Channel> channels = List.of();
        String email = null;
        List<RestrictionFacts.Window> windows = List.of();
        Integer maxContacts = null;
        org.ubcs.api.model.CapPeriod per = null;
        Integer maxCallMinutes = null;
        boolean acknowledge = false;
        String text = null;
        java.time.LocalDate on = null;
        String court = null;
        String reference = null;
        List<String> places = List.of();
        if (terms instanceof Terms.SinglePointOfContact t) {
            officer = officer(t.officer());
            deputy = officer(t.deputy());
        } else if (terms instanceof Terms.ChannelLimit t) {
            channels = ordered(t.allowedChannels());
            email = t.dedicatedEmailAddress();
        } else if (terms instanceof Terms.TimeWindows t) {
            channels = ordered(t.channels());
            windows = t.windows().stream().map(w -> new RestrictionFacts.Window(w.days().stream().sorted().toList(),
                    w.from(), w.to())).toList();
        } else if (terms instanceof Terms.ContactCap t) {
            maxContacts = t.maxContacts();
            per = t.per();
            maxCallMinutes = t.maxCallMinutes();
        } else if (terms instanceof Terms.MatterClosed t) {
            acknowledge = t.acknowledge();
        } else if (terms instanceof Terms.MeetingsByAppointment t) {
            text = t.offices();
        } else if (terms instanceof Terms.PremisesBan t) {
            places = t.premises();
        } else if (terms instanceof Terms.ContactAgreement t) {
            text = t.terms();
            on = t.agreedOn();
        } else if (terms instanceof Terms.CeaseAndDesist t) {
            on = t.issuedOn();
            text = t.details();
        } else if (terms instanceof Terms.Injunction t) {
            court = t.court();
            reference = t.reference();
            on = t.expiresOn();
        } else if (terms instanceof Terms.Other t) {
            text = t.description();
        }
        return new RestrictionFacts(terms.typeName(), thisMatter, endsOn, officer, deputy, channels, email, windows,
                maxContacts, per, maxCallMinutes, acknowledge, text, on, court, reference, places);
    }

    private static RestrictionFacts.Officer officer(Terms.Officer officer) {
        return officer == null ? null : new RestrictionFacts.Officer(officer.name(), officer.email(), officer.phone());
    }

    /** Channels in the contract's order, as every list of them is written. */
    private static List<Channel> ordered(java.util.Set<Channel> channels) {
        return channels.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(channels));
    }
}
