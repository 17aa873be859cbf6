package org.ubcs.review.mapping;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.FreshIssue;
import org.ubcs.api.model.Review;
import org.ubcs.api.model.ReviewOutcome;
import org.ubcs.api.model.ReviewOutcomeInput;
import org.ubcs.review.domain.FreshIssueEntity;
import org.ubcs.review.domain.ReviewEntity;
import org.ubcs.review.domain.ReviewOutcomeDraft;

@ApplicationScoped
public class ReviewMapper {

    public ReviewOutcomeDraft toDraft(ReviewOutcomeInput input) {
        return new ReviewOutcomeDraft(java.util.List.copyOf(input.getReviewers()), input.getRecommendation(),
                input.getReasons(), input.getCustomerToldOn(), input.getNextReviewOn());
    }

    public Review toApi(ReviewEntity r, LocalDate today) {
        Review api = new Review(r.id, r.caseId, r.customerId, r.kind, r.dueOn, r.opensOn, r.assignedTo, r.state,
                r.overdueOn(today), r.createdAt.atOffset(ZoneOffset.UTC));
        api.setRequestReasons(r.requestReasons);
        if (r.outcome != null) {
            var o = r.outcome;
            ReviewOutcome outcome = new ReviewOutcome(o.reviewers(), o.recommendation(), o.reasons(),
                    o.customerToldOn(), new Actor(o.recordedBy().subject(), o.recordedBy().name()),
                    o.recordedAt().atOffset(ZoneOffset.UTC));
            outcome.setNextReviewOn(o.nextReviewOn());
            api.setOutcome(outcome);
        }
        return api;
    }

    public FreshIssue toApi(FreshIssueEntity i) {
        return new FreshIssue(i.id, i.caseId, i.raisedOn, i.summary, i.referredTo,
                new Actor(i.recordedBySubject, i.recordedByName), i.recordedAt.atOffset(ZoneOffset.UTC));
    }
}
