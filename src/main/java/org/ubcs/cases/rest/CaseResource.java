package org.ubcs.cases.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.CasesApi;
import org.ubcs.api.model.AssessmentInput;
import org.ubcs.api.model.CaseConferenceInput;
import org.ubcs.api.model.CasePage;
import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.Classification;
import org.ubcs.api.model.ClosureInput;
import org.ubcs.api.model.DecisionInput;
import org.ubcs.api.model.PreconditionsInput;
import org.ubcs.api.model.PriorWarning;
import org.ubcs.api.model.ReferralInput;
import org.ubcs.cases.domain.CaseFilter;
import org.ubcs.cases.domain.CaseView;
import org.ubcs.cases.mapping.CaseMapper;
import org.ubcs.cases.service.CaseService;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseResource implements CasesApi {

    @Inject
    CaseService service;

    @Inject
    CaseMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.POLICY_OWNER })
    public Uni<Response> referCase(ReferralInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("referCase", actor, idempotencyKey, input,
                () -> service.refer(actor, mapper.toDraft(input)).map(view -> idempotency.created(
                        "/cases/" + view.kase().id, ETags.of(view.kase().version), mapper.toApi(view))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listCases(CaseStatus status, Classification classification, String department,
            UUID customerId, LocalDate reviewDueBefore, String cursor, Integer limit) {
        return service.list(new CaseFilter(status, classification, department, customerId, reviewDueBefore), cursor,
                limit).map(page -> {
                    CasePage body = new CasePage(page.map(mapper::toApi).items());
                    Links.page(body, uri, page);
                    return Response.ok(body).build();
                });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getCase(UUID caseId) {
        return service.get(caseId).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.POLICY_OWNER })
    public Uni<Response> recordPriorWarning(UUID caseId, String ifMatch, PriorWarning input) {
        return service.recordPriorWarning(user.actor(), caseId, ETags.expectedVersion(ifMatch), mapper.toForm(input))
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> recordPreconditions(UUID caseId, String ifMatch, PreconditionsInput input) {
        return service.recordPreconditions(user.actor(), caseId, ETags.expectedVersion(ifMatch),
                mapper.toForm(input)).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> recordAssessment(UUID caseId, String ifMatch, AssessmentInput input) {
        return service.recordAssessment(user.actor(), caseId, ETags.expectedVersion(ifMatch), mapper.toForm(input))
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> recordCaseConference(UUID caseId, String ifMatch, CaseConferenceInput input) {
        return service.recordCaseConference(user.actor(), caseId, ETags.expectedVersion(ifMatch),
                mapper.toForm(input)).map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.DECISION_MAKER)
    public Uni<Response> recordDecision(UUID caseId, String ifMatch, DecisionInput input) {
        return service.recordDecision(user.actor(), caseId, ETags.expectedVersion(ifMatch), mapper.toDraft(input))
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.DECISION_MAKER, Roles.POLICY_OWNER })
    public Uni<Response> closeCase(UUID caseId, String ifMatch, ClosureInput input) {
        return service.close(user.actor(), caseId, ETags.expectedVersion(ifMatch), input.getReason(),
                input.getNotes()).map(this::ok);
    }

    private Response ok(CaseView view) {
        return Responses.ok(mapper.toApi(view), view.kase().version);
    }
}
