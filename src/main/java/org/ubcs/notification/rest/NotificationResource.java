package org.ubcs.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.NotificationsApi;
import org.ubcs.api.model.NotificationPage;
import org.ubcs.api.model.NotificationState;
import org.ubcs.notification.mapping.NotificationMapper;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.security.Roles;
import org.ubcs.web.Links;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationResource implements NotificationsApi {

    @Inject
    NotificationService service;

    @Inject
    NotificationMapper mapper;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> listNotifications(NotificationState state, UUID caseId, String cursor, Integer limit) {
        return service.page(state, caseId, cursor, limit).map(page -> {
            NotificationPage body = new NotificationPage(page.map(mapper::toApi).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }
}
