package org.ubcs.restriction.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.RestrictionsApi;
import org.ubcs.api.model.EmergencyRestrictionInput;
import org.ubcs.api.model.FollowUpAssessmentInput;
import org.ubcs.api.model.RestrictionInput;
import org.ubcs.api.model.RestrictionLifting;
import org.ubcs.api.model.RestrictionPage;
import org.ubcs.api.model.RestrictionState;
import org.ubcs.time.LondonClock;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.restriction.domain.RestrictionFilter;
import org.ubcs.restriction.domain.RestrictionView;
import org.ubcs.restriction.mapping.RestrictionMapper;
import org.ubcs.restriction.service.RestrictionService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.Created;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RestrictionResource implements RestrictionsApi {

    @Inject
    RestrictionService service;

    @Inject
    RestrictionMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Inject
    LondonClock clock;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> imposeRestriction(UUID caseId, RestrictionInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("imposeRestriction " + caseId, actor, idempotencyKey, input,
                () -> service.impose(actor, caseId, mapper.toDraft(input)).map(this::created))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> imposeEmergencyRestriction(EmergencyRestrictionInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("imposeEmergencyRestriction", actor, idempotencyKey, input,
                () -> service.imposeEmergency(actor, input.getCustomerId(), mapper.toDraft(input),
                        input.getIncident()).map(this::created))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listRestrictions(UUID customerId, UUID caseId, RestrictionState state, Boolean emergency,
            Boolean assessmentOverdue, String cursor, Integer limit) {
        return service.list(new RestrictionFilter(customerId, caseId, state, emergency, assessmentOverdue), cursor,
                limit).map(page -> {
                    RestrictionPage body = new RestrictionPage(page.map(this::toApi).items());
                    Links.page(body, uri, page);
                    return Response.ok(body).build();
                });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getRestriction(UUID restrictionId) {
        return service.get(restrictionId).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listRestrictionVersions(UUID restrictionId, String cursor, Integer limit) {
        return service.versions(restrictionId, cursor, limit).map(page -> {
            RestrictionPage body = new RestrictionPage(page.map(this::toApi).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> modifyRestriction(UUID restrictionId, String ifMatch, RestrictionInput input) {
        return service.modify(user.actor(), restrictionId, ETags.expectedVersion(ifMatch), mapper.toDraft(input))
                .map(view -> Responses.created(created(view)));
    }

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> liftRestriction(UUID restrictionId, String ifMatch, RestrictionLifting input) {
        return service.lift(user.actor(), restrictionId, ETags.expectedVersion(ifMatch), input.getReasons())
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> recordFollowUpAssessment(UUID restrictionId, String ifMatch, FollowUpAssessmentInput input) {
        return service.recordFollowUp(user.actor(), restrictionId, ETags.expectedVersion(ifMatch),
                input.getSummary(), input.getCaseId()).map(this::ok);
    }

    private org.ubcs.api.model.Restriction toApi(RestrictionView view) {
        return mapper.toApi(view, clock.today());
    }

    private Response ok(RestrictionView view) {
        return Responses.ok(toApi(view), view.restriction().lockVersion);
    }

    private Created created(RestrictionView view) {
        return idempotency.created("/restrictions/" + view.restriction().id,
                ETags.of(view.restriction().lockVersion), toApi(view));
    }
}
