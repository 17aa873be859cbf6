package org.ubcs.letter.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.LettersApi;
import org.ubcs.api.model.LetterSending;
import org.ubcs.letter.domain.LetterEntity;
import org.ubcs.letter.mapping.LetterMapper;
import org.ubcs.letter.service.LetterService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.ETags;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LetterResource implements LettersApi {

    @Inject
    LetterService service;

    @Inject
    LetterMapper mapper;

    @Inject
    CurrentUser user;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listCaseLetters(UUID caseId) {
        return service.ofCase(caseId).map(letters -> Response.ok(mapper.toApi(letters)).build());
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listCustomerLetters(UUID customerId) {
        return service.ofCustomer(customerId).map(letters -> Response.ok(mapper.toApi(letters)).build());
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getLetter(UUID letterId) {
        return service.get(letterId).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.POLICY_OWNER })
    public Uni<Response> markLetterSent(UUID letterId, String ifMatch, LetterSending sending) {
        return service.markSent(user.actor(), letterId, ETags.expectedVersion(ifMatch), sending.getSentOn())
                .map(this::ok);
    }

    private Response ok(LetterEntity letter) {
        return Responses.ok(mapper.toApi(letter), letter.version);
    }
}
