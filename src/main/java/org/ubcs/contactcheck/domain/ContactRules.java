package org.ubcs.contactcheck.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ubcs.api.model.CapPeriod;
import org.ubcs.api.model.Channel;
import org.ubcs.api.model.ContactVerdict;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.time.LondonClock;
import org.ubcs.restriction.domain.Terms;

/**
 * What to do with a contact, given the restrictions in force. Each applicable restriction gives a finding; the most
 * restrictive finding decides and the others become notes, so the answer explains itself. Only the terms of
 * restrictions are used: never their reasons, the case background or the evidence.
 */
public final class ContactRules {

    /** From most to least restrictive: the first verdict found decides. */
    static final List<ContactVerdict> PRECEDENCE = List.of(ContactVerdict.REFUSE_CHANNEL,
            ContactVerdict.CAP_REACHED, ContactVerdict.OUTSIDE_PERMITTED_TIMES, ContactVerdict.READ_AND_FILE,
            ContactVerdict.ACKNOWLEDGE_ONLY, ContactVerdict.REDIRECT_TO_NAMED_OFFICER,
            ContactVerdict.APPOINTMENT_REQUIRED, ContactVerdict.WITNESS_REQUIRED);

    /** Verdicts that never stop a genuinely new complaint: for one, they are only notes. */
    static final Set<ContactVerdict> WAIVED_FOR_NEW_COMPLAINTS = EnumSet.of(ContactVerdict.CAP_REACHED,
            ContactVerdict.OUTSIDE_PERMITTED_TIMES, ContactVerdict.READ_AND_FILE, ContactVerdict.ACKNOWLEDGE_ONLY,
            ContactVerdict.REDIRECT_TO_NAMED_OFFICER);

    private ContactRules() {
    }

    /** The contact: by which channel, to which officer (if any), about which case (if any), and when. */
    public record Question(Channel channel, String officer, UUID caseId, boolean newComplaint, ZonedDateTime at) {
    }

    /** A restriction in force for the customer, as far as the contact check needs it. */
    public record InForce(UUID id, UUID caseId, RestrictionScope scope, Terms terms) {
    }

    public record Answer(ContactVerdict verdict, String script, Terms.Officer namedOfficer,
            Set<Channel> allowedChannels, Instant nextPermittedAt, Instant capResetsAt, List<UUID> deciding,
            List<String> notes) {

        /** Whether the correspondence is filed for screening. */
        public boolean filed() {
            return verdict == ContactVerdict.READ_AND_FILE || verdict == ContactVerdict.ACKNOWLEDGE_ONLY;
        }
    }

    private record Finding(ContactVerdict verdict, String script, UUID restrictionId, Terms.Officer namedOfficer,
            Set<Channel> allowedChannels, Instant nextPermittedAt, Instant capResetsAt) {

        static Finding of(ContactVerdict verdict, String script, UUID restrictionId) {
            return new Finding(verdict, script, restrictionId, null, null, null, null);
        }
    }

    public static Answer unknownPerson() {
        return new Answer(ContactVerdict.ALLOW, "There is no record of restrictions for this person. Deal with the "
                + "contact as usual.", null, null, null, null, List.of(), List.of());
    }

    public static Answer ambiguous() {
        return new Answer(ContactVerdict.VERIFY_IDENTITY, "More than one person on record matches these details. "
                + "Ask for another identifier (email, phone, or full name and postcode) and check again.", null, null,
                null, null, List.of(), List.of());
    }

    /** When the cap period containing {@code at} began (London time). */
    public static Instant periodStart(CapPeriod per, ZonedDateTime at) {
        LocalDate day = at.withZoneSameInstant(LondonClock.LONDON).toLocalDate();
        LocalDate first = per == CapPeriod.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
        return first.atStartOfDay(LondonClock.LONDON).toInstant();
    }

    static Instant nextPeriodStart(CapPeriod per, ZonedDateTime at) {
        LocalDate start = LocalDate.ofInstant(periodStart(per, at), LondonClock.LONDON);
        LocalDate next = per == CapPeriod.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
        return next.atStartOfDay(LondonClock.LONDON).toInstant();
    }

    /** Whether a restriction bears on this contact: all-matters ones always, matter ones for their own matter. */
    public static boolean applies(InForce restriction, Question question) {
        return restriction.scope() == RestrictionScope.ALL_MATTERS
                || !question.newComplaint() && restriction.caseId() != null
                        && restriction.caseId().equals(question.caseId());
    }

    /**
     * @param contactsSince how many contacts the customer made since each cap period's start (see
     *        {@link #periodStart})
     */
    public static Answer evaluate(Question question, List<InForce> inForce, Map<Instant, Integer> contactsSince) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ZonedDateTime at = question.at().withZoneSameInstant(LondonClock.LONDON);
        Channel channel = question.channel();
        for (InForce restriction : inForce) {
            if (!applies(restriction, question)) {
                continue;
            }
            UUID id = restriction.id();
            Terms terms = restriction.terms();
            if (terms instanceof Terms.ChannelLimit limit && !limit.allowedChannels().contains(channel)) {
                findings.add(new Finding(ContactVerdict.REFUSE_CHANNEL, "Contact from this person is accepted only by "
                        + names(limit.allowedChannels())
                        + (limit.dedicatedEmailAddress() == null ? "" : " (email to " + limit.dedicatedEmailAddress()
                                + ")")
                        + ". Explain this politely and end the contact.", id, null, limit.allowedChannels(), null,
                        null));
            } else if (terms instanceof Terms.NoFaceToFace && channel == Channel.FACE_TO_FACE) {
                findings.add(new Finding(ContactVerdict.REFUSE_CHANNEL, "There is to be no face-to-face contact with "
                        + "this person. Offer another way to contact us.", id, null,
                        terms.channelsLeftOpen(), null, null));
            } else if (terms instanceof Terms.ContactCap cap) {
                int made = contactsSince.getOrDefault(periodStart(cap.per(), at), 0);
                if (made >= cap.maxContacts()) {
                    Instant resets = nextPeriodStart(cap.per(), at);
                    findings.add(new Finding(ContactVerdict.CAP_REACHED, "This person has made the " + cap.maxContacts()
                            + " contacts allowed this " + cap.per().name().toLowerCase(Locale.ROOT)
                            + ". Ask them to contact us again from " + describe(resets) + ".", id, null, null, null,
                            resets));
                } else if (cap.maxCallMinutes() != null) {
                    notes.add("Calls are limited to " + cap.maxCallMinutes() + " minutes.");
                }
            } else if (terms instanceof Terms.TimeWindows windows && windows.channels().contains(channel)
                    && !within(windows, at)) {
                Instant next = nextWindow(windows, at);
                findings.add(new Finding(ContactVerdict.OUTSIDE_PERMITTED_TIMES, names(windows.channels())
                        + " contact is taken only " + describe(windows) + ". Ask them to contact us again"
                        + (next == null ? "" : " from " + describe(next)) + ".", id, null, null, next, null));
            } else if (terms instanceof Terms.MatterClosed closed) {
                findings.add(Finding.of(closed.acknowledge() ? ContactVerdict.ACKNOWLEDGE_ONLY
                        : ContactVerdict.READ_AND_FILE, closed.acknowledge()
                                ? "This matter is closed. Acknowledge the correspondence but do not respond to what "
                                        + "it says; it will be screened for anything new."
                                : "This matter is closed. Read and file the correspondence without a response; it "
                                        + "will be screened for anything new.",
                        id));
            } else if (terms instanceof Terms.SinglePointOfContact spoc) {
                if (isNamed(question.officer(), spoc.officer()) || isNamed(question.officer(), spoc.deputy())) {
                    notes.add("You are a named contact for this person.");
                } else {
                    findings.add(new Finding(ContactVerdict.REDIRECT_TO_NAMED_OFFICER, "Pass the contact to the named "
                            + "officer, " + spoc.officer().name() + (spoc.deputy() == null ? ""
                                    : " (or their deputy, " + spoc.deputy().name() + ")")
                            + ".", id, spoc.officer(), null, null, null));
                }
            } else if (terms instanceof Terms.MeetingsByAppointment appointment
                    && channel == Channel.FACE_TO_FACE) {
                findings.add(Finding.of(ContactVerdict.APPOINTMENT_REQUIRED, "Meet this person only by appointment, at "
                        + (appointment.offices() == null ? "council offices" : appointment.offices()) + ".", id));
            } else if (terms instanceof Terms.WitnessRequired && channel == Channel.FACE_TO_FACE) {
                findings.add(Finding.of(ContactVerdict.WITNESS_REQUIRED,
                        "Meet this person only with a witness present.", id));
            } else {
                note(terms).ifPresent(notes::add);
            }
        }
        if (question.caseId() == null && !question.newComplaint()
                && inForce.stream().anyMatch(r -> r.scope() == RestrictionScope.THIS_MATTER)) {
            notes.add("Some restrictions apply to particular matters: ask which matter the contact is about.");
        }
        return combine(question, findings, notes);
    }

    private static Answer combine(Question question, List<Finding> findings, List<String> notes) {
        List<Finding> blocking = findings;
        if (question.newComplaint()) {
            blocking = findings.stream().filter(f -> !WAIVED_FOR_NEW_COMPLAINTS.contains(f.verdict())).toList();
            findings.stream().filter(f -> WAIVED_FOR_NEW_COMPLAINTS.contains(f.verdict()))
                    .forEach(f -> notes.add(f.script()));
        }
        if (blocking.isEmpty()) {
            return question.newComplaint()
                    ? new Answer(ContactVerdict.ALLOW_AS_NEW_COMPLAINT, "Accept and register the new complaint: it is "
                            + "judged on its merits.", null, null, null, null, List.of(), List.copyOf(notes))
                    : new Answer(ContactVerdict.ALLOW, "No restriction stops this contact.", null, null, null, null,
                            List.of(), List.copyOf(notes));
        }
        ContactVerdict verdict = blocking.stream().map(Finding::verdict)
                .min(Comparator.comparingInt(PRECEDENCE::indexOf)).orElseThrow();
        List<Finding> deciding = blocking.stream().filter(f -> f.verdict() == verdict).toList();
        List<String> allNotes = new ArrayList<>();
        blocking.stream().filter(f -> f.verdict() != verdict).forEach(f -> allNotes.add(f.script()));
        allNotes.addAll(notes);
        if (question.newComplaint()) {
            allNotes.add("A genuinely new complaint is always accepted: invite it by a channel this person may use.");
        }
        Set<Channel> allowed = null;
        for (Finding finding : deciding) {
            if (finding.allowedChannels() != null) {
                if (allowed == null) {
                    allowed = EnumSet.copyOf(finding.allowedChannels());
                } else {
                    allowed.retainAll(finding.allowedChannels());
                }
            }
        }
        return new Answer(verdict, deciding.stream().map(Finding::script).distinct().collect(Collectors.joining(" ")),
                deciding.stream().map(Finding::namedOfficer).filter(o -> o != null).findFirst().orElse(null),
                allowed,
                deciding.stream().map(Finding::nextPermittedAt).filter(t -> t != null).max(Instant::compareTo)
                        .orElse(null),
                deciding.stream().map(Finding::capResetsAt).filter(t -> t != null).max(Instant::compareTo)
                        .orElse(null),
                deciding.stream().map(Finding::restrictionId).toList(), List.copyOf(allNotes));
    }

    private static java.util.Optional<String> note(Terms terms) {
        if (terms instanceof Terms.PremisesBan ban) {
            return java.util.Optional.of("Banned from: " + String.join(", ", ban.premises()) + ".");
        }
        if (terms instanceof Terms.ContactAgreement agreement) {
            return java.util.Optional.of("A contact agreement applies (agreed on " + agreement.agreedOn() + "): "
                    + agreement.terms());
        }
        if (terms instanceof Terms.CeaseAndDesist letter) {
            return java.util.Optional.of("A cease-and-desist letter was issued on " + letter.issuedOn() + ".");
        }
        if (terms instanceof Terms.Injunction injunction) {
            return java.util.Optional.of("An injunction applies (" + injunction.court() + ", "
                    + injunction.reference() + ", until " + injunction.expiresOn() + ").");
        }
        if (terms instanceof Terms.Other other) {
            return java.util.Optional.of(other.description());
        }
        return java.util.Optional.empty();
    }

    private static boolean isNamed(String officer, Terms.Officer named) {
        return officer != null && named != null && (officer.equalsIgnoreCase(named.name())
                || named.email() != null && officer.equalsIgnoreCase(named.email()));
    }

    private static boolean within(Terms.TimeWindows windows, ZonedDateTime at) {
        return windows.windows().stream().anyMatch(w -> w.days().contains(at.getDayOfWeek())
                && !at.toLocalTime().isBefore(w.from()) && at.toLocalTime().isBefore(w.to()));
    }

    /** The start of the next window after {@code at}, looking a week ahead. */
    static Instant nextWindow(Terms.TimeWindows windows, ZonedDateTime at) {
        Instant best = null;
        for (int day = 0; day <= 7; day++) {
            LocalDate date = at.toLocalDate().plusDays(day);
            for (Terms.Window window : windows.windows()) {
                if (window.days().contains(date.getDayOfWeek())) {
                    ZonedDateTime start = date.atTime(window.from()).atZone(LondonClock.LONDON);
                    if (start.isAfter(at) && (best == null || start.toInstant().isBefore(best))) {
                        best = start.toInstant();
                    }
                }
            }
        }
        return best;
    }

    private static String names(Set<Channel> channels) {
        return channels.stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Terms.TimeWindows windows) {
        return windows.windows().stream().map(w -> "on " + w.days().stream().sorted()
                .map(d -> d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + " from " + w.from() + " to " + w.to())
                .collect(Collectors.joining("; "));
    }

    private static String describe(Instant instant) {
        ZonedDateTime local = instant.atZone(LondonClock.LONDON);
        return local.getDayOfWeek().name().charAt(0) + local.getDayOfWeek().name().substring(1).toLowerCase(Locale.ROOT)
                + " " + local.toLocalDate() + " at " + local.toLocalTime();
    }
}
