package org.ubcs.contactcheck.rest;

import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.ContactChecksApi;
import org.ubcs.api.model.ContactCheckRequest;
import org.ubcs.time.LondonClock;
import org.ubcs.contactcheck.domain.ContactQuestionDraft;
import org.ubcs.contactcheck.mapping.ContactCheckMapper;
import org.ubcs.contactcheck.service.ContactCheckService;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.Created;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactCheckResource implements ContactChecksApi {

    @Inject
    ContactCheckService service;

    @Inject
    ContactCheckMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Inject
    LondonClock clock;

    @Override
    @RolesAllowed({ Roles.CONTACT_CENTRE, Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER,
            Roles.POLICY_OWNER, Roles.LEGAL, Roles.FIELD_OFFICER })
    public Uni<Response> checkContact(ContactCheckRequest request, String idempotencyKey) {
        ContactQuestionDraft draft = mapper.toDraft(request, clock.now().atZone(LondonClock.LONDON));
        var actor = user.actor();
        if (!draft.record()) {
            // The hot path: one future from the query to the answer's bytes, made a Uni only here.
            return Uni.createFrom().completionStage(service.check(actor, draft)
                    .map(checked -> Response.ok(mapper.toJson(checked), MediaType.APPLICATION_JSON_TYPE).build())
                    .toCompletionStage());
        }
        return service.identify(actor, draft).flatMap(found -> idempotency.once("checkContact", actor,
                idempotencyKey, request, () -> service.checkAndRecord(actor, draft, found)
                        .map(checked -> new Created(null, null,
                                new String(mapper.toJson(checked), StandardCharsets.UTF_8)))))
                .map(Responses::ok);
    }
}
