package org.ubcs.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.ubcs.api.model.Classification;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.cases.domain.DecisionRules;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.ProblemException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The review window, for any decision date and any profile window: property-based, no server needed. */
class DecisionRulesTest {

    @Property
    void aReviewDateIsAcceptedExactlyWhenItIsInsideTheWindow(@ForAll("dates") LocalDate decidedOn,
            @ForAll @IntRange(min = 0, max = 6) int minimumMonths, @ForAll @IntRange(min = 0, max = 12) int extra,
            @ForAll @IntRange(min = -40, max = 400) int offsetDays) {
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

    @Property
    void sixMonthsAfterTheEndOfAugustIsTheEndOfFebruary(@ForAll @IntRange(min = 2025, max = 2040) int year) {
        PolicyConfig.Profile profile = profile(Period.ZERO, Period.ofMonths(6));
        LocalDate decidedOn = LocalDate.of(year, 8, 31);
        LocalDate lastDay = LocalDate.of(year + 1, 2, 1).withDayOfMonth(LocalDate.of(year + 1, 2, 1).lengthOfMonth());
        DecisionRules.checkReviewDate(decidedOn, lastDay, profile);
        assertThrows(ProblemException.class, () -> DecisionRules.checkReviewDate(decidedOn, lastDay.plusDays(1),
                profile));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 20).map(days -> LocalDate.of(2020, 1, 1).plusDays(days));
    }

    private static PolicyConfig.Profile profile(Period minimum, Period horizon) {
        return new PolicyConfig.Profile() {
            public String councilName() { return "Test"; }
            public Optional<String> councilNameCy() { return Optional.empty(); }
            public String decisionMakerLabel() { return "Decider"; }
            public String appealReviewerLabel() { return "Reviewer"; }
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
        };
    }
}
