package org.ubcs.retention.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.RetentionApi;
import org.ubcs.api.model.CaseHoldInput;
import org.ubcs.api.model.CaseHoldList;
import org.ubcs.api.model.CaseHoldRelease;
import org.ubcs.retention.mapping.HoldMapper;
import org.ubcs.retention.service.HoldService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.Links;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HoldResource implements RetentionApi {

    @Inject
    HoldService service;

    @Inject
    HoldMapper mapper;

    @Inject
    CurrentUser user;

    @Override
    @RolesAllowed({ Roles.LEGAL, Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> listCaseHolds(UUID caseId) {
        return service.list(caseId)
                .map(holds -> Response.ok(new CaseHoldList(holds.stream().map(mapper::toApi).toList())).build());
    }

    @Override
    @RolesAllowed(Roles.LEGAL)
    public Uni<Response> setCaseHold(UUID caseId, CaseHoldInput input) {
        return service.set(user.actor(), caseId, input.getKind(), input.getReason())
                .map(hold -> Response.created(Links.location("/cases/" + caseId + "/holds"))
                        .entity(mapper.toApi(hold)).build());
    }

    @Override
    @RolesAllowed(Roles.LEGAL)
    public Uni<Response> releaseCaseHold(UUID caseId, UUID holdId, CaseHoldRelease input) {
        return service.release(user.actor(), caseId, holdId, input.getReason())
                .map(hold -> Response.ok(mapper.toApi(hold)).build());
    }
}
