package org.ubcs.register.mapping;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.RegisterReview;
import org.ubcs.api.model.RegisterReviewOutcome;
import org.ubcs.register.domain.RegisterReviewEntity;

/** Between the contract's register review schemas and the review tasks. */
@ApplicationScoped
public class RegisterReviewMapper {

    public RegisterReview toApi(RegisterReviewEntity r, LocalDate today) {
        RegisterReview api = new RegisterReview(r.id, r.entryId, r.dueOn, r.opensOn, r.state, r.overdueOn(today),
                new Actor(r.reviewerSubject, r.reviewerName));
        if (r.outcome != null) {
            var o = r.outcome;
            api.setOutcome(new RegisterReviewOutcome(o.result(), o.reasons(),
                    new Actor(o.reviewedBy().subject(), o.reviewedBy().name()), o.reviewedAt().atOffset(ZoneOffset.UTC)));
        }
        return api;
    }
}
