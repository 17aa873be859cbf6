package org.ubcs.restriction.domain;

import java.util.Locale;
import java.util.stream.Collectors;

/** A restriction's terms in one plain-English line, as a letter to the customer states them. */
public final class TermsWording {

    private TermsWording() {
    }

    public static String describe(Terms terms) {
        if (terms instanceof Terms.SinglePointOfContact t) {
            return "Contact us only through " + t.officer().name()
                    + (t.deputy() == null ? "" : " (or, when they are away, " + t.deputy().name() + ")") + ".";
        }
        if (terms instanceof Terms.ChannelLimit t) {
            return "Contact us only by " + t.allowedChannels().stream().sorted()
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(" or "))
                    + (t.dedicatedEmailAddress() == null ? "" : ", emailing " + t.dedicatedEmailAddress()) + ".";
        }
        if (terms instanceof Terms.TimeWindows t) {
            return "We take " + t.channels().stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')).collect(Collectors.joining(" and ")) + " contact only "
                    + t.windows().stream().map(w -> "on " + w.days().stream().sorted()
                            .map(d -> d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + " from " + w.from() + " to " + w.to())
                            .collect(Collectors.joining("; ")) + ".";
        }
        if (terms instanceof Terms.ContactCap t) {
            return "At most " + t.maxContacts() + " contacts a " + t.per().name().toLowerCase(Locale.ROOT)
                    + (t.maxCallMinutes() == null ? "" : ", calls of at most " + t.maxCallMinutes() + " minutes") + ".";
        }
        if (terms instanceof Terms.MatterClosed t) {
            return "Further letters and emails about this matter will be read and filed"
                    + (t.acknowledge() ? " with an acknowledgement" : " without a reply")
                    + "; new complaints are still considered.";
        }
        if (terms instanceof Terms.WitnessRequired) {
            return "We will meet you only with a witness present.";
        }
        if (terms instanceof Terms.MeetingsByAppointment t) {
            return "We will meet you only by appointment at " + (t.offices() == null ? "council offices" : t.offices())
                    + ".";
        }
        if (terms instanceof Terms.NoFaceToFace) {
            return "No face-to-face contact.";
        }
        if (terms instanceof Terms.PremisesBan t) {
            return "You may not come to: " + String.join(", ", t.premises()) + ".";
        }
        if (terms instanceof Terms.ContactAgreement t) {
            return "The contact agreement of " + t.agreedOn() + ": " + t.terms();
        }
        if (terms instanceof Terms.CeaseAndDesist t) {
            return "The cease-and-desist letter of " + t.issuedOn() + ".";
        }
        if (terms instanceof Terms.Injunction t) {
            return "The injunction of " + t.court() + " (" + t.reference() + "), until " + t.expiresOn() + ".";
        }
        return ((Terms.Other) terms).description();
    }
}
