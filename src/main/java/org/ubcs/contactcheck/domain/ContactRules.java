package org.ubcs.contactcheck.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>
 * Every script and note the contact centre reads is worded here, in English (the agent's language; the customer's
 * letters are where the profile's languages apply): whole sentences that start with a capital, lists joined as people
 * write them ("by letter, email or telephone"), dates as people say them ("Tuesday 8 December 2026 at 10:00").
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

    /** Contacts made aloud: nothing in writing to read and file. Every other channel is correspondence. */
    static final Set<Channel> SPOKEN = EnumSet.of(Channel.TELEPHONE, Channel.FACE_TO_FACE);

    static final String CLOSED_MATTER_ALOUD = "This matter is closed. Anything new can be sent in writing and will be "
            + "read.";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ContactRules() {
    }

    /** The contact: by which channel, to which officer (if any), about which case (if any), and when. */
    public record Question(Channel channel, String officer, UUID caseId, boolean newComplaint, ZonedDateTime at) {
    }

    /** A restriction in force for the customer, as far as the contact check needs it. */
    public record InForce(UUID id, UUID caseId, RestrictionScope scope, Terms terms) {
    }

    /**
     * @param namedOfficer and {@code deputy}: the single point of contact that bears on this contact, as the
     *        restriction stores them
     * @param filed whether the correspondence is filed for screening when the contact is recorded: written
     *        correspondence on a read-and-file matter (a call or a visit has nothing to file)
     */
    public record Answer(ContactVerdict verdict, String script, Terms.Officer namedOfficer, Terms.Officer deputy,
            Set<Channel> allowedChannels, Instant nextPermittedAt, Instant capResetsAt, List<UUID> deciding,
            List<String> notes, boolean filed) {
    }

    private record Finding(ContactVerdict verdict, String script, UUID restrictionId, Terms.SinglePointOfContact spoc,
            Set<Channel> allowedChannels, Instant nextPermittedAt, Instant capResetsAt) {

        static Finding of(ContactVerdict verdict, String script, UUID restrictionId) {
            return new Finding(verdict, script, restrictionId, null, null, null, null);
        }
    }

    public static Answer unknownPerson() {
        return new Answer(ContactVerdict.ALLOW, "There is no record of restrictions for this person. Deal with the "
                + "contact as usual.", null, null, null, null, null, List.of(), List.of(), false);
    }

    public static Answer ambiguous() {
        return new Answer(ContactVerdict.VERIFY_IDENTITY, "More than one person on record matches these details. "
                + "Ask for another identifier (their email address, phone number, or full name and postcode) and "
                + "check again.", null, null, null, null, null, List.of(), List.of(), false);
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
     * The matter-closed (read-and-file) restriction in force on a case, if any: correspondence on that matter is read
     * and filed.
     */
    public static Optional<InForce> readAndFile(UUID caseId, List<InForce> inForce) {
        return inForce.stream().filter(r -> r.terms() instanceof Terms.MatterClosed && caseId.equals(r.caseId()))
                .findFirst();
    }

    /**
     * @param matters the customer's cases that are not closed (the matters correspondence may be about)
     * @param contactsSince how many contacts the customer made since each cap period's start (see
     *        {@link #periodStart})
     */
    public static Answer evaluate(Question question, List<InForce> inForce, List<UUID> matters,
            Map<Instant, Integer> contactsSince) {
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
                findings.add(new Finding(ContactVerdict.REFUSE_CHANNEL, "Contact from this person is accepted only "
                        + byChannels(limit.allowedChannels())
                        + (limit.dedicatedEmailAddress() == null ? "" : " (emails to " + limit.dedicatedEmailAddress()
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
                    findings.add(new Finding(ContactVerdict.CAP_REACHED, "This person has made the "
                            + (cap.maxContacts() == 1 ? "one contact" : cap.maxContacts() + " contacts")
                            + " allowed this " + cap.per().name().toLowerCase(Locale.ROOT)
                            + ". Ask them to contact us again from " + describe(resets) + ".", id, null, null, null,
                            resets));
                } else if (cap.maxCallMinutes() != null) {
                    notes.add("Calls are limited to " + cap.maxCallMinutes()
                            + (cap.maxCallMinutes() == 1 ? " minute." : " minutes."));
                }
            } else if (terms instanceof Terms.TimeWindows windows && windows.channels().contains(channel)
                    && !within(windows, at)) {
                Instant next = nextWindow(windows, at);
                findings.add(new Finding(ContactVerdict.OUTSIDE_PERMITTED_TIMES, capitalise(list(windows.channels()
                        .stream().sorted().map(ContactRules::adjective).toList(), "and"))
                        + " contact is taken only " + describe(windows) + ". Ask them to contact us again"
                        + (next == null ? "" : " from " + describe(next)) + ".", id, null, null, next, null));
            } else if (terms instanceof Terms.MatterClosed closed) {
                findings.add(Finding.of(closedVerdict(closed.acknowledge()),
                        SPOKEN.contains(channel) ? CLOSED_MATTER_ALOUD
                                : closedMatterWritten("This matter is closed.", closed.acknowledge()),
                        id));
            } else if (terms instanceof Terms.SinglePointOfContact spoc) {
                if (isNamed(question.officer(), spoc.officer()) || isNamed(question.officer(), spoc.deputy())) {
                    notes.add("You are a named contact for this person.");
                } else {
                    findings.add(new Finding(ContactVerdict.REDIRECT_TO_NAMED_OFFICER, "Pass the contact to the named "
                            + "officer, " + reach(spoc.officer()) + (spoc.deputy() == null ? ""
                                    : ", or their deputy, " + reach(spoc.deputy()))
                            + ".", id, spoc, null, null, null));
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
        boolean filed = !SPOKEN.contains(channel);
        if (question.caseId() == null && !question.newComplaint()) {
            List<InForce> everyMatter = everyMatterReadAndFiled(inForce, matters);
            if (!everyMatter.isEmpty() && filed) {
                // Whichever matter the correspondence is about, it is read and filed. Acknowledged if any of them is:
                // the customer was told they would have an acknowledgement, and one is harmless on the others.
                boolean acknowledge = everyMatter.stream()
                        .anyMatch(r -> ((Terms.MatterClosed) r.terms()).acknowledge());
                String script = closedMatterWritten(matters.size() == 1 ? "This person's one matter with us is closed."
                        : "Every matter this person has with us is closed.", acknowledge);
                everyMatter.forEach(r -> findings.add(Finding.of(closedVerdict(acknowledge), script, r.id())));
            } else if (inForce.stream().anyMatch(r -> r.scope() == RestrictionScope.THIS_MATTER)) {
                notes.add("Some restrictions apply to particular matters: ask which matter the contact is about, and "
                        + "check again with its case.");
            }
        }
        return combine(question, findings, notes, filed);
    }

    /**
     * The customer's read-and-file restrictions, one for each matter, when every matter (at least one) is read and
     * filed; empty otherwise.
     */
    static List<InForce> everyMatterReadAndFiled(List<InForce> inForce, List<UUID> matters) {
        List<InForce> found = new ArrayList<>();
        for (UUID matter : matters) {
            Optional<InForce> closed = readAndFile(matter, inForce);
            if (closed.isEmpty()) {
                return List.of();
            }
            found.add(closed.get());
        }
        return found;
    }

    private static ContactVerdict closedVerdict(boolean acknowledge) {
        return acknowledge ? ContactVerdict.ACKNOWLEDGE_ONLY : ContactVerdict.READ_AND_FILE;
    }

    private static String closedMatterWritten(String opening, boolean acknowledge) {
        return opening + (acknowledge ? " Acknowledge the correspondence but do not respond to what it says; it will "
                + "be screened for anything new." : " Read and file the correspondence without a response; it will "
                        + "be screened for anything new.");
    }

    private static Answer combine(Question question, List<Finding> findings, List<String> notes, boolean written) {
        List<Finding> blocking = findings;
        if (question.newComplaint()) {
            blocking = findings.stream().filter(f -> !WAIVED_FOR_NEW_COMPLAINTS.contains(f.verdict())).toList();
            findings.stream().filter(f -> WAIVED_FOR_NEW_COMPLAINTS.contains(f.verdict()))
                    .forEach(f -> notes.add(f.script()));
        }
        // The named officer goes with every answer a single point of contact bears on, deciding or in the notes.
        Terms.SinglePointOfContact spoc = findings.stream().map(Finding::spoc).filter(Objects::nonNull).findFirst()
                .orElse(null);
        Terms.Officer officer = spoc == null ? null : spoc.officer();
        Terms.Officer deputy = spoc == null ? null : spoc.deputy();
        if (blocking.isEmpty()) {
            return question.newComplaint()
                    ? new Answer(ContactVerdict.ALLOW_AS_NEW_COMPLAINT, "Accept and register the new complaint: it is "
                            + "judged on its merits.", officer, deputy, null, null, null, List.of(),
                            List.copyOf(notes), false)
                    : new Answer(ContactVerdict.ALLOW, "No restriction stops this contact.", officer, deputy, null,
                            null, null, List.of(), List.copyOf(notes), false);
        }
        ContactVerdict verdict = blocking.stream().map(Finding::verdict)
                .min(Comparator.comparingInt(PRECEDENCE::indexOf)).orElseThrow();
        List<Finding> deciding = blocking.stream().filter(f -> f.verdict() == verdict).toList();
        List<String> allNotes = new ArrayList<>();
        blocking.stream().filter(f -> f.verdict() != verdict).map(Finding::script).distinct().forEach(allNotes::add);
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
        Set<UUID> decidingIds = new LinkedHashSet<>();
        deciding.forEach(f -> decidingIds.add(f.restrictionId()));
        return new Answer(verdict, deciding.stream().map(Finding::script).distinct().collect(Collectors.joining(" ")),
                officer, deputy, allowed,
                deciding.stream().map(Finding::nextPermittedAt).filter(t -> t != null).max(Instant::compareTo)
                        .orElse(null),
                deciding.stream().map(Finding::capResetsAt).filter(t -> t != null).max(Instant::compareTo)
                        .orElse(null),
                List.copyOf(decidingIds), List.copyOf(allNotes),
                written && (verdict == ContactVerdict.READ_AND_FILE || verdict == ContactVerdict.ACKNOWLEDGE_ONLY));
    }

    private static Optional<String> note(Terms terms) {
        if (terms instanceof Terms.PremisesBan ban) {
            return Optional.of("This person is banned from " + list(ban.premises(), "and") + ".");
        }
        if (terms instanceof Terms.ContactAgreement agreement) {
            return Optional.of("A contact agreement applies (agreed on " + DATE.format(agreement.agreedOn()) + "): "
                    + agreement.terms());
        }
        if (terms instanceof Terms.CeaseAndDesist letter) {
            return Optional.of("A cease-and-desist letter was issued on " + DATE.format(letter.issuedOn()) + ".");
        }
        if (terms instanceof Terms.Injunction injunction) {
            return Optional.of("An injunction applies (" + injunction.court() + ", " + injunction.reference()
                    + ", until " + DATE.format(injunction.expiresOn()) + ").");
        }
        if (terms instanceof Terms.Other other) {
            return Optional.of(other.description());
        }
        return Optional.empty();
    }

    private static boolean isNamed(String officer, Terms.Officer named) {
        return officer != null && named != null && (officer.equalsIgnoreCase(named.name())
                || named.email() != null && officer.equalsIgnoreCase(named.email()));
    }

    /** An officer's name and how to reach them, as the restriction stores them: "Jo Contact (email jo@…, ...)". */
    static String reach(Terms.Officer officer) {
        List<String> ways = new ArrayList<>();
        if (officer.email() != null) {
            ways.add("email " + officer.email());
        }
        if (officer.phone() != null) {
            ways.add("telephone " + officer.phone());
        }
        return officer.name() + (ways.isEmpty() ? "" : " (" + String.join(", ", ways) + ")");
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

    /** Items as people list them: "a", "a or b", "a, b or c". */
    static String list(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }

    static String capitalise(String sentence) {
        return sentence.isEmpty() ? sentence
                : sentence.substring(0, 1).toUpperCase(Locale.ROOT) + sentence.substring(1);
    }

    /** How contact is made, after "accepted only": "by letter, email or telephone", "by letter or in person". */
    static String byChannels(Set<Channel> channels) {
        List<String> by = channels.stream().sorted().filter(c -> c != Channel.FACE_TO_FACE).map(ContactRules::noun)
                .toList();
        if (by.isEmpty()) {
            return "in person";
        }
        String inPerson = by.size() == 1 ? " or in person" : ", or in person";
        return "by " + list(by, "or") + (channels.contains(Channel.FACE_TO_FACE) ? inPerson : "");
    }

    private static String noun(Channel channel) {
        return switch (channel) {
            case LETTER -> "letter";
            case EMAIL -> "email";
            case TELEPHONE -> "telephone";
            case FACE_TO_FACE -> "in person";
            case ONLINE_FORM -> "online form";
            case SOCIAL_MEDIA -> "social media";
        };
    }

    /** The channel before "contact": "telephone contact", "face-to-face contact". */
    private static String adjective(Channel channel) {
        return channel == Channel.FACE_TO_FACE ? "face-to-face" : noun(channel);
    }

    private static String describe(Terms.TimeWindows windows) {
        return list(windows.windows().stream().map(w -> "on " + list(w.days().stream().sorted()
                .map(d -> d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT)).toList(), "and")
                + " from " + w.from() + " to " + w.to()).toList(), "and");
    }

    /** "Tuesday 8 December 2026 at 10:00", or only the day when it is midnight (the start of the day). */
    private static String describe(Instant instant) {
        ZonedDateTime local = instant.atZone(LondonClock.LONDON);
        return DAY.format(local) + (local.toLocalTime().equals(LocalTime.MIDNIGHT) ? ""
                : " at " + local.toLocalTime());
    }
}
