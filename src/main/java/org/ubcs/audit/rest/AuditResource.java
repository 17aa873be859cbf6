package org.ubcs.audit.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.AuditApi;
import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.AuditEventPage;
import org.ubcs.audit.mapping.AuditMapper;
import org.ubcs.audit.service.AuditService;
import org.ubcs.paging.Page;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.Roles;
import org.ubcs.web.Links;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditResource implements AuditApi {

    @Inject
    AuditService service;

    @Inject
    AuditMapper mapper;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL, Roles.AUDITOR })
    public Uni<Response> getCaseHistory(UUID caseId, String cursor, Integer limit) {
        // A case's history starts with its referral, so a case without events does not exist.
        return service.page(null, null, caseId, cursor, limit).map(page -> {
            if (page.items().isEmpty() && cursor == null) {
                throw ProblemException.notFound("No case with this id.");
            }
            return ok(page);
        });
    }

    @Override
    @RolesAllowed({ Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> listAuditEvents(AuditEntityType entityType, UUID entityId, String cursor, Integer limit) {
        return service.page(entityType, entityId, null, cursor, limit).map(this::ok);
    }

    private Response ok(Page<org.ubcs.audit.domain.AuditEventEntity> page) {
        AuditEventPage body = new AuditEventPage(page.map(mapper::toApi).items());
        Links.page(body, uri, page);
        return Response.ok(body).build();
    }
}
