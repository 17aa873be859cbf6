package org.ubcs.review.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.ubcs.policy.PolicyConfig;

/**
 * Which reviews' tasks are due to open by a day: the profile's rules ({@code reviewPreparationStartsOn},
 * {@code statusReviewOn}) read backwards, exactly, so the job that opens tasks and the case's coming reviews agree
 * to the day (month and year arithmetic is not simply reversible: a status review three years after 29 February).
 */
public final class ReviewTimetable {

    private ReviewTimetable() {
    }

    /** The latest review date whose task should be open by {@code today}. */
    public static LocalDate latestDueOnOpenBy(PolicyConfig.Profile profile, LocalDate today) {
        return latest(today.plus(profile.reviewPreparationLeadTime()), profile::reviewPreparationStartsOn, today);
    }

    /**
     * The latest decision date whose status review's task should be open by {@code today}; empty where the policy
     * has no status review.
     */
    public static Optional<LocalDate> latestDecisionOpenBy(PolicyConfig.Profile profile, LocalDate today) {
        return profile.statusReviewAfter().map(after -> latest(
                today.plus(profile.reviewPreparationLeadTime()).minus(after),
                decidedOn -> profile.reviewPreparationStartsOn(profile.statusReviewOn(decidedOn).orElseThrow()),
                today));
    }

    /** The latest day whose (non-decreasing) start is on or before today, searched from a guess a day or two off. */
    static LocalDate latest(LocalDate guess, UnaryOperator<LocalDate> startsOn, LocalDate today) {
        LocalDate day = guess;
        while (startsOn.apply(day).isAfter(today)) {
            day = day.minusDays(1);
        }
        while (!startsOn.apply(day.plusDays(1)).isAfter(today)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
