package org.ubcs.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ubcs.support.Seeded.between;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.api.model.Classification;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.cases.domain.DecisionRules;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.ProblemException;
import org.ubcs.support.Seeded;

/**
 * The review window, for any decision date and any profile window: property-based, no server needed. Random cases
 * come from {@link Seeded} with a fixed seed, so every run checks the same cases and a failing case's name replays it.
 */
@ExtendWith(Seeded.NameFailingCases.class)
class DecisionRulesTest {

    private static final int CASES = 1000;
    private static final long REVIEW_WINDOW_SEED = 0x5EED_0101L;

    /** A decision date, a minimum duration of 0 to 6 months, 0 to 12 months more to the horizon, a review offset. */
    static Stream<Arguments> aReviewDateIsAcceptedExactlyWhenItIsInsideTheWindow() {
        return Seeded.cases(REVIEW_WINDOW_SEED, CASES, random -> new Object[] {
                date(random), between(random, 0, 6), between(random, 0, 12), between(random, -40, 400) });
    }

    @ParameterizedTest(name = "[{index}] decidedOn={0}, minimumMonths={1}, extra={2}, offsetDays={3}")
    @MethodSource
    void aReviewDateIsAcceptedExactlyWhenItIsInsideTheWindow(LocalDate decidedOn, int minimumMonths, int extra,
            int offsetDays) {
        PolicyConfig.Profile profile = profile(Period.ofMonths(minimumMonths), Period.ofMonths(minimumMonths + extra));
        LocalDate reviewOn = decidedOn.plusDays(offsetDays);
        boolean inside = reviewOn.isAfter(decidedOn) && !reviewOn.isAfter(decidedOn.plus(profile.maxReviewHorizon()))
                && !reviewOn.isBefore(decidedOn.plus(profile.minimumDuration()));
        if (inside) {
            DecisionRules.checkReviewDate(decidedOn, reviewOn, profile);
        } else {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> DecisionRules.checkReviewDate(decidedOn, reviewOn, profile));
            assertEquals(422, refused.type().status());
        }
    }

    /** Every year from 2025 to 2040: only 16, so all of them rather than a random draw. */
    static IntStream sixMonthsAfterTheEndOfAugustIsTheEndOfFebruary() {
        return IntStream.rangeClosed(2025, 2040);
    }

    @ParameterizedTest(name = "[{index}] year={0}")
    @MethodSource
    void sixMonthsAfterTheEndOfAugustIsTheEndOfFebruary(int year) {
        PolicyConfig.Profile profile = profile(Period.ZERO, Period.ofMonths(6));
        LocalDate decidedOn = LocalDate.of(year, 8, 31);
        LocalDate lastDay = LocalDate.of(year + 1, 2, 1).withDayOfMonth(LocalDate.of(year + 1, 2, 1).lengthOfMonth());
        DecisionRules.checkReviewDate(decidedOn, lastDay, profile);
        assertThrows(ProblemException.class, () -> DecisionRules.checkReviewDate(decidedOn, lastDay.plusDays(1),
                profile));
    }

    /** A date from 1 January 2020 to 365 × 20 days later. */
    private static LocalDate date(Random random) {
        return LocalDate.of(2020, 1, 1).plusDays(between(random, 0, 365 * 20));
    }

    private static PolicyConfig.Profile profile(Period minimum, Period horizon) {
        return new PolicyConfig.Profile() {
            public String councilName() { return "Test"; }
            public Optional<String> councilNameCy() { return Optional.empty(); }
            public String decisionMakerLabel() { return "Decider"; }
            public String appealReviewerLabel() { return "Reviewer"; }
            public Optional<String> appealReviewerLabelCy() { return Optional.empty(); }
            public Period reviewInterval() { return horizon; }
            public Period maxReviewHorizon() { return horizon; }
            public Period reviewPreparationLeadTime() { return Period.ofDays(7); }
            public Period minimumDuration() { return minimum; }
            public Period customerReviewRequestAfter() { return minimum; }
            public Optional<Period> statusReviewAfter() { return Optional.empty(); }
            public int appealWindowWorkingDays() { return 15; }
            public int appealDecisionWorkingDays() { return 15; }
            public HolidayRegion holidayRegion() { return HolidayRegion.ENGLAND_AND_WALES; }
            public List<NotificationRecipient> decisionNotifications() { return List.of(); }
            public Period retentionAfterClosure() { return Period.ofYears(1); }
            public Period auditRetention() { return Period.ofYears(6); }
            public List<Classification> classifications() { return List.of(Classification.COMPLEX); }
            public List<LetterLanguage> letterLanguages() { return List.of(LetterLanguage.EN); }
            public PolicyConfig.Ombudsman ombudsman() { return null; }
            public Period emergencyRestrictionMaxDuration() { return Period.ofDays(14); }
            public int emergencyAssessmentWorkingDays() { return 5; }
            public int readAndFileScreeningWorkingDays() { return 5; }
            public org.ubcs.api.model.OverdueReviewAction overdueReviewAction() {
                return org.ubcs.api.model.OverdueReviewAction.ESCALATE;
            }
            public List<NotificationRecipient> reviewNotifications() { return List.of(); }
            public java.util.Optional<PolicyConfig.Register> register() { return java.util.Optional.empty(); }
        };
    }
}
