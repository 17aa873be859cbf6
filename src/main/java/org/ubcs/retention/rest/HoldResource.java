package org.ubcs.retention.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.RetentionApi;
import org.ubcs.api.model.CaseHoldInput;
import org.ubcs.api.model.CaseHoldPage;
import org.ubcs.api.model.CaseHoldRelease;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.retention.mapping.HoldMapper;
import org.ubcs.retention.service.HoldService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HoldResource implements RetentionApi {

    @Inject
    HoldService service;

    @Inject
    HoldMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.LEGAL, Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> listCaseHolds(UUID caseId, String cursor, Integer limit) {
        return service.list(caseId, cursor, limit).map(page -> {
            CaseHoldPage body = new CaseHoldPage(page.map(mapper::toApi).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    @Override
    @RolesAllowed(Roles.LEGAL)
    public Uni<Response> setCaseHold(UUID caseId, CaseHoldInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("setCaseHold " + caseId, actor, idempotencyKey, input,
                () -> service.set(actor, caseId, input.getKind(), input.getReason())
                        .map(hold -> idempotency.created("/cases/" + caseId + "/holds", null, mapper.toApi(hold))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed(Roles.LEGAL)
    public Uni<Response> releaseCaseHold(UUID caseId, UUID holdId, CaseHoldRelease input) {
        return service.release(user.actor(), caseId, holdId, input.getReason())
                .map(hold -> Response.ok(mapper.toApi(hold)).build());
    }
}
