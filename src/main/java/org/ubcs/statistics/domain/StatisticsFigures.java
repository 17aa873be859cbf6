package org.ubcs.statistics.domain;

/**
 * Every figure for a period, as counted, before the small-numbers rule is applied. Each comes from columns that
 * survive the removal of personal data (see the statistics section of the README), never from a name, a text or an
 * identifier of a person.
 */
public record StatisticsFigures(
        StatisticsPeriod period,
        Cases cases,
        Durations daysFromReferralToDecision,
        Restrictions restrictions,
        Reviews reviews,
        Appeals appeals,
        Register register,
        ReadAndFile readAndFile,
        Tally contactChecks) {

    /** By classification. */
    public record Cases(Tally referred, Tally policyApplied, Tally policyNotApplied, Tally closed) {
    }

    /** Days from referral to decision over the decisions made in the period; median and p90 null without decisions. */
    public record Durations(long decisions, Double median, Double percentile90) {
    }

    /** By type; emergency restrictions counted on their own too. */
    public record Restrictions(Tally imposed, Tally lifted, Tally inForceAtEnd, long emergencyImposed,
            long emergencyAssessmentsOverdue) {
    }

    /** Held by outcome (recommendation). */
    public record Reviews(Tally held, long overdue, long lapsed, long escalated) {
    }

    public record Appeals(long lodged, long late, long lateAccepted, long lateRefused, long upheld, long varied,
            long dismissed, long decidedOnTime) {
    }

    /** Null where the profile keeps no register. */
    public record Register(Tally entriesApproved, long annualReviewsOverdue) {
    }

    public record ReadAndFile(long received, long screenedOnTime, long screenedLate, long unscreenedPastDue) {
    }
}
