package org.ubcs.register.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.RegisterReviewsApi;
import org.ubcs.api.model.RegisterReviewOutcomeInput;
import org.ubcs.api.model.RegisterReviewPage;
import org.ubcs.api.model.RegisterReviewState;
import org.ubcs.register.domain.RegisterReviewEntity;
import org.ubcs.register.mapping.RegisterReviewMapper;
import org.ubcs.register.service.RegisterReviewService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.time.LondonClock;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

/** The register's annual reviews: read by approvers and the policy owner, recorded by the approver. */
@ApplicationScoped
@RegisterCapability
public class RegisterReviewResource implements RegisterReviewsApi {

    @Inject
    RegisterReviewService service;

    @Inject
    RegisterReviewMapper mapper;

    @Inject
    CurrentUser user;

    @Inject
    LondonClock clock;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> listRegisterReviews(RegisterReviewState state, UUID entryId, String cursor, Integer limit) {
        return service.list(state, entryId, cursor, limit).map(page -> {
            RegisterReviewPage body = new RegisterReviewPage(page.map(r -> mapper.toApi(r, clock.today())).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> getRegisterReview(UUID reviewId) {
        return service.get(reviewId).map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.DECISION_MAKER)
    public Uni<Response> recordRegisterReviewOutcome(UUID reviewId, String ifMatch, RegisterReviewOutcomeInput input) {
        return service.recordOutcome(user.actor(), reviewId, ETags.expectedVersion(ifMatch), input.getResult(),
                input.getReasons()).map(this::ok);
    }

    private Response ok(RegisterReviewEntity review) {
        return Responses.ok(mapper.toApi(review, clock.today()), review.version);
    }
}
