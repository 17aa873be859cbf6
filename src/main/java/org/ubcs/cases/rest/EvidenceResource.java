package org.ubcs.cases.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.EvidenceApi;
import org.ubcs.api.model.EvidenceEntryInput;
import org.ubcs.api.model.EvidenceEntryPage;
import org.ubcs.cases.mapping.EvidenceMapper;
import org.ubcs.cases.service.EvidenceService;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EvidenceResource implements EvidenceApi {

    @Inject
    EvidenceService service;

    @Inject
    EvidenceMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> recordEvidence(UUID caseId, EvidenceEntryInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("recordEvidence " + caseId, actor, idempotencyKey, input,
                () -> service.record(actor, caseId, mapper.toDraft(input)).map(view -> idempotency.created(
                        "/cases/" + caseId + "/evidence/" + view.entry().id, null, mapper.toApi(view))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listEvidence(UUID caseId, String cursor, Integer limit) {
        return service.list(caseId, cursor, limit).map(page -> {
            EvidenceEntryPage body = new EvidenceEntryPage(page.map(mapper::toApi).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getEvidenceEntry(UUID caseId, UUID entryId) {
        return service.get(caseId, entryId).map(view -> Response.ok(mapper.toApi(view)).build());
    }
}
