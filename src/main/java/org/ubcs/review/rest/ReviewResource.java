package org.ubcs.review.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.ReviewsApi;
import org.ubcs.api.model.FreshIssueInput;
import org.ubcs.api.model.FreshIssueList;
import org.ubcs.api.model.ReviewKind;
import org.ubcs.api.model.ReviewOutcomeInput;
import org.ubcs.api.model.ReviewPage;
import org.ubcs.api.model.ReviewRequestInput;
import org.ubcs.api.model.ReviewState;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.review.domain.ReviewEntity;
import org.ubcs.review.mapping.ReviewMapper;
import org.ubcs.review.service.ReviewService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.time.LondonClock;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReviewResource implements ReviewsApi {

    @Inject
    ReviewService service;

    @Inject
    ReviewMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Inject
    LondonClock clock;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listReviews(ReviewState state, ReviewKind kind, UUID caseId, String cursor, Integer limit) {
        return service.list(state, kind, caseId, cursor, limit).map(page -> {
            ReviewPage body = new ReviewPage(page.map(r -> mapper.toApi(r, clock.today())).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getReview(UUID reviewId) {
        return service.get(reviewId).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> recordReviewOutcome(UUID reviewId, String ifMatch, ReviewOutcomeInput input) {
        return service.recordOutcome(user.actor(), reviewId, ETags.expectedVersion(ifMatch), mapper.toDraft(input))
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.POLICY_OWNER })
    public Uni<Response> requestReview(UUID caseId, ReviewRequestInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("requestReview " + caseId, actor, idempotencyKey, input,
                () -> service.request(actor, caseId, input.getReceivedOn(), input.getReasons())
                        .map(review -> idempotency.created("/reviews/" + review.id, ETags.of(review.version),
                                mapper.toApi(review, clock.today()))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.CONTACT_CENTRE, Roles.POLICY_OWNER })
    public Uni<Response> referFreshIssue(UUID caseId, FreshIssueInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("referFreshIssue " + caseId, actor, idempotencyKey, input,
                () -> service.referFreshIssue(actor, caseId, input.getRaisedOn(), input.getSummary())
                        .map(issue -> idempotency.created("/cases/" + caseId + "/fresh-issues", null,
                                mapper.toApi(issue))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listFreshIssues(UUID caseId) {
        return service.freshIssues(caseId)
                .map(issues -> Response.ok(new FreshIssueList(issues.stream().map(mapper::toApi).toList())).build());
    }

    private Response ok(ReviewEntity review) {
        return Responses.ok(mapper.toApi(review, clock.today()), review.version);
    }
}
