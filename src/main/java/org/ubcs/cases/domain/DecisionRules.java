package org.ubcs.cases.domain;

import java.time.LocalDate;

import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;

/**
 * The rules a decision must keep: taken by someone other than the referring officer, only once every precondition is
 * answered (and met, to apply the policy), dated in the procedure's order (DateOrder), and with a review date still
 * to come and inside the window the policy profile allows.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    public static void check(DecisionDraft draft, CaseEntity kase, Actor decider, PolicyConfig.Profile profile,
            LocalDate today) {
        boolean applying = draft.outcome() == DecisionOutcome.APPLY_POLICY;
        if (applying && draft.reviewOn() == null) {
            throw ProblemException.invalidField("/reviewOn", "is required when the policy is applied");
        }
        if (!applying && draft.reviewOn() != null) {
            throw ProblemException.invalidField("/reviewOn", "must be absent when the policy is not applied");
        }
        if (!applying && !draft.restrictions().isEmpty()) {
            throw ProblemException.invalidField("/restrictions", "must be absent when the policy is not applied");
        }
        if (decider.subject().equals(kase.referredBySubject)) {
            throw ProblemException.policyRule("DECIDER_IS_REFERRER",
                    "The officer who referred the case cannot decide it.");
        }
        if (kase.preconditions == null || !kase.preconditions.allAnswered()) {
            throw ProblemException.policyRule("PRECONDITIONS_UNANSWERED",
                    "Every precondition must be answered before a decision.");
        }
        if (applying && !kase.preconditions.allMet()) {
            throw ProblemException.policyRule("PRECONDITIONS_NOT_MET",
                    "The policy can only be applied when every precondition is met.");
        }
        DateOrder.happened("/decidedOn", draft.decidedOn(), today);
        DateOrder.happened("/customerToldOn", draft.customerToldOn(), today);
        DateOrder.follows("/decidedOn", draft.decidedOn(), "the referral", kase.referredOn);
        DateOrder.follows("/decidedOn", draft.decidedOn(), "the prior warning",
                kase.priorWarning == null ? null : kase.priorWarning.sentOn());
        DateOrder.follows("/decidedOn", draft.decidedOn(), "the case conference",
                kase.caseConference == null ? null : kase.caseConference.heldOn());
        DateOrder.follows("/customerToldOn", draft.customerToldOn(), "the decision", draft.decidedOn());
        if (applying) {
            DateOrder.ahead("/reviewOn", draft.reviewOn(), today);
            checkReviewDate(draft.decidedOn(), draft.reviewOn(), profile);
        }
    }

    /** After a review: the next review date lies after today and no further ahead than the horizon. */
    public static void checkNextReview(LocalDate today, LocalDate nextReviewOn, PolicyConfig.Profile profile) {
        DateOrder.ahead("/nextReviewOn", nextReviewOn, today);
        checkWithinHorizon(today, nextReviewOn, profile, "today");
    }

    /** A review date after the decision, no earlier than the minimum duration and no later than the horizon. */
    public static void checkReviewDate(LocalDate decidedOn, LocalDate reviewOn, PolicyConfig.Profile profile) {
        checkWithinHorizon(decidedOn, reviewOn, profile, "the decision date");
        LocalDate earliest = decidedOn.plus(profile.minimumDuration());
        if (reviewOn.isBefore(earliest)) {
            throw ProblemException.policyRule("REVIEW_DATE_BEFORE_MINIMUM_DURATION", "A decision stands for at least "
                    + profile.minimumDuration() + ", so the review date may not be before " + earliest + ".");
        }
    }

    private static void checkWithinHorizon(LocalDate from, LocalDate reviewOn, PolicyConfig.Profile profile,
            String fromName) {
        if (!reviewOn.isAfter(from)) {
            throw ProblemException.policyRule("REVIEW_DATE_NOT_AFTER_DECISION",
                    "The review date must be after " + fromName + ".");
        }
        LocalDate latest = from.plus(profile.maxReviewHorizon());
        if (reviewOn.isAfter(latest)) {
            throw ProblemException.policyRule("REVIEW_DATE_TOO_FAR", "The review date may be at most "
                    + profile.maxReviewHorizon() + " after " + fromName + ", that is on or before " + latest + ".");
        }
    }
}
