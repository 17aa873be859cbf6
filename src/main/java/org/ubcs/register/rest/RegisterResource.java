package org.ubcs.register.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.RegisterApi;
import org.ubcs.api.model.RegisterEntryContent;
import org.ubcs.api.model.RegisterEntryPage;
import org.ubcs.api.model.RegisterEntryState;
import org.ubcs.api.model.RegisterLookupInput;
import org.ubcs.api.model.RegisterLookupResult;
import org.ubcs.api.model.RegisterRemovalInput;
import org.ubcs.api.model.RegisterTellingInput;
import org.ubcs.api.model.RegisterVersionList;
import org.ubcs.api.model.RegisterViewPage;
import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.register.domain.EntryFilter;
import org.ubcs.register.mapping.RegisterMapper;
import org.ubcs.register.service.RegisterLookupService;
import org.ubcs.register.service.RegisterService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

/** Need to know: authors and approvers read whole entries; staff who visit or answer calls get the lookup only. */
@ApplicationScoped
@RegisterCapability
public class RegisterResource implements RegisterApi {

    @Inject
    RegisterService service;

    @Inject
    RegisterLookupService lookups;

    @Inject
    RegisterMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> createRegisterEntry(RegisterEntryContent input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("createRegisterEntry", actor, idempotencyKey, input,
                () -> service.create(actor, mapper.toContent(input))
                        .map(view -> idempotency.created("/register-entries/" + view.entry().id,
                                ETags.of(view.entry().version), mapper.toApi(view))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER })
    public Uni<Response> listRegisterEntries(RegisterEntryState state, UUID customerId, String cursor,
            Integer limit) {
        return service.list(new EntryFilter(state, customerId), cursor, limit).map(page -> {
            RegisterEntryPage body = new RegisterEntryPage(page.map(mapper::toSummary).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER })
    public Uni<Response> getRegisterEntry(UUID entryId, RegisterViewPurpose purpose) {
        return service.get(user.actor(), entryId, purpose).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> draftRegisterEntry(UUID entryId, String ifMatch, RegisterEntryContent input) {
        return service.draft(user.actor(), entryId, ETags.expectedVersion(ifMatch), mapper.toContent(input))
                .map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.DECISION_MAKER)
    public Uni<Response> approveRegisterEntry(UUID entryId, String ifMatch) {
        return service.approve(user.actor(), entryId, ETags.expectedVersion(ifMatch)).map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.DECISION_MAKER)
    public Uni<Response> recordRegisterTelling(UUID entryId, String ifMatch, RegisterTellingInput input) {
        return service.recordTelling(user.actor(), entryId, ETags.expectedVersion(ifMatch), mapper.toDraft(input))
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> removeRegisterEntry(UUID entryId, String ifMatch, RegisterRemovalInput input) {
        return service.remove(user.actor(), entryId, ETags.expectedVersion(ifMatch), input.getReason(),
                input.getNotes()).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER })
    public Uni<Response> listRegisterEntryVersions(UUID entryId, RegisterViewPurpose purpose) {
        return service.versions(user.actor(), entryId, purpose).map(versions -> Response
                .ok(new RegisterVersionList(versions.stream().map(mapper::toApi).toList())).build());
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.FIELD_OFFICER })
    public Uni<Response> lookUpRegister(RegisterLookupInput input) {
        var keys = RegisterLookupService.keys(mapper.toQuery(input));
        // On the path of every visit: one future from the query to the answer, made a Uni only here.
        return Uni.createFrom().completionStage(lookups.lookUp(user.actor(), keys, input.getPurpose(),
                RegisterViewVia.LOOKUP).map(matches -> Response.ok(new RegisterLookupResult(!matches.isEmpty(),
                        matches.stream().map(mapper::toApi).toList())).build()).toCompletionStage());
    }

    @Override
    @RolesAllowed({ Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> listRegisterViews(UUID entryId, String viewer, String cursor, Integer limit) {
        return service.views(entryId, viewer, cursor, limit).map(page -> {
            RegisterViewPage body = new RegisterViewPage(page.map(mapper::toApi).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    private Response ok(RegisterService.EntryView view) {
        return Responses.ok(mapper.toApi(view), view.entry().version);
    }
}
