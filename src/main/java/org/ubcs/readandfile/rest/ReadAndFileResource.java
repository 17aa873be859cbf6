package org.ubcs.readandfile.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.ReadAndFileApi;
import org.ubcs.api.model.ReadAndFileItemPage;
import org.ubcs.api.model.ReadAndFileState;
import org.ubcs.api.model.ScreeningInput;
import org.ubcs.time.LondonClock;
import org.ubcs.readandfile.domain.ReadAndFileItemEntity;
import org.ubcs.readandfile.mapping.ReadAndFileMapper;
import org.ubcs.readandfile.service.ReadAndFileService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReadAndFileResource implements ReadAndFileApi {

    @Inject
    ReadAndFileService service;

    @Inject
    ReadAndFileMapper mapper;

    @Inject
    CurrentUser user;

    @Inject
    LondonClock clock;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> listReadAndFileItems(ReadAndFileState state, String cursor, Integer limit) {
        return service.queue(state == null ? ReadAndFileState.AWAITING_SCREENING : state, cursor, limit)
                .map(page -> {
                    ReadAndFileItemPage body = new ReadAndFileItemPage(
                            page.map(item -> mapper.toApi(item, clock.today())).items());
                    Links.page(body, uri, page);
                    return Response.ok(body).build();
                });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> getReadAndFileItem(UUID itemId) {
        return service.get(itemId).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> screenReadAndFileItem(UUID itemId, String ifMatch, ScreeningInput input) {
        return service.screen(user.actor(), itemId, ETags.expectedVersion(ifMatch), input.getOutcome(),
                input.getNotes()).map(this::ok);
    }

    private Response ok(ReadAndFileItemEntity item) {
        return Responses.ok(mapper.toApi(item, clock.today()), item.version);
    }
}
