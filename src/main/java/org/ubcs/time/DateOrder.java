package org.ubcs.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;

/**
 * The one rule for the dates of the procedure, so the record never contradicts itself: a step that must already have
 * happened is not dated in the future; a step is not dated before the step it follows (referral, prior warning,
 * decision, customer told, letter sent, appeal received, appeal decided); and a date still to come (a review) is not
 * in the past. Each breach is refused with 422, naming the rule and the dates, and pointing at the field.
 */
public final class DateOrder {

    public static final String IN_FUTURE = "DATE_IN_FUTURE";
    public static final String OUT_OF_ORDER = "DATES_OUT_OF_ORDER";
    public static final String IN_PAST = "DATE_IN_PAST";

    private DateOrder() {
    }

    /** A step that must already have happened: on or before today. */
    public static void happened(String pointer, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            throw refused(IN_FUTURE, pointer, name(pointer) + " " + date + " is after today (" + today
                    + "): it records something that has already happened.",
                    "must not be after today (" + today + ")");
        }
    }

    /**
     * Something that has happened, at a moment: not later than now, allowing {@code skew} for clocks that run a
     * little ahead of ours.
     */
    public static void happened(String pointer, Instant at, Instant now, Duration skew) {
        if (at != null && at.isAfter(now.plus(skew))) {
            throw refused(IN_FUTURE, pointer, name(pointer) + " " + at + " is after now (" + now
                    + ", allowing " + skew.toMinutes() + " minutes for clocks): it records something that has "
                    + "already happened.", "must not be after now (" + now + ")");
        }
    }

    /** A step dated no earlier than the step it follows, {@code earlier} (e.g. "the referral") on {@code earlierOn}. */
    public static void follows(String pointer, LocalDate date, String earlier, LocalDate earlierOn) {
        if (date != null && earlierOn != null && date.isBefore(earlierOn)) {
            throw refused(OUT_OF_ORDER, pointer, name(pointer) + " " + date + " is before " + earlier + " on "
                    + earlierOn + ", which it follows.", "must not be before " + earlier + " (" + earlierOn + ")");
        }
    }

    /** A date still to come, such as a review: today or later. */
    public static void ahead(String pointer, LocalDate date, LocalDate today) {
        if (date != null && date.isBefore(today)) {
            throw refused(IN_PAST, pointer, name(pointer) + " " + date + " is before today (" + today
                    + "): it must still be to come.", "must not be before today (" + today + ")");
        }
    }

    private static ProblemException refused(String rule, String pointer, String detail, String message) {
        return ProblemException.policyRule(rule, detail, List.of(FieldError.field(pointer, message)));
    }

    /** The field's name for a sentence: {@code /decision/reviewOn} reads {@code reviewOn}. */
    private static String name(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
