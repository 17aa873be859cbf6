package org.ubcs.appeal.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.AppealsApi;
import org.ubcs.api.model.AppealDecisionInput;
import org.ubcs.api.model.AppealInput;
import org.ubcs.api.model.AppealPage;
import org.ubcs.api.model.AppealState;
import org.ubcs.api.model.DecisionSummaryPage;
import org.ubcs.api.model.LateAcceptanceInput;
import org.ubcs.api.model.RefusalInput;
import org.ubcs.api.model.WithdrawalInput;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.appeal.domain.AppealFilter;
import org.ubcs.appeal.mapping.AppealMapper;
import org.ubcs.appeal.service.AppealService;
import org.ubcs.time.LondonClock;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppealResource implements AppealsApi {

    @Inject
    AppealService service;

    @Inject
    AppealMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Inject
    LondonClock clock;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER })
    public Uni<Response> lodgeAppeal(AppealInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("lodgeAppeal", actor, idempotencyKey, input,
                () -> service.lodge(actor, mapper.toDraft(input)).map(appeal -> idempotency.created(
                        "/appeals/" + appeal.id, ETags.of(appeal.version), mapper.toApi(appeal, clock.today()))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listAppeals(AppealState state, UUID caseId, Integer dueWithinWorkingDays, Boolean overdue,
            String cursor, Integer limit) {
        return service.list(new AppealFilter(state, caseId, dueWithinWorkingDays, overdue), cursor, limit)
                .map(page -> {
                    AppealPage body = new AppealPage(page.map(a -> mapper.toApi(a, clock.today())).items());
                    Links.page(body, uri, page);
                    return Response.ok(body).build();
                });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getAppeal(UUID appealId) {
        return service.get(appealId).map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.APPEAL_REVIEWER)
    public Uni<Response> acceptLateAppeal(UUID appealId, String ifMatch, LateAcceptanceInput input) {
        return service.acceptLate(user.actor(), appealId, ETags.expectedVersion(ifMatch), input.getReason())
                .map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.APPEAL_REVIEWER)
    public Uni<Response> refuseLateAppeal(UUID appealId, String ifMatch, RefusalInput input) {
        return service.refuse(user.actor(), appealId, ETags.expectedVersion(ifMatch), input.getReason(),
                input.getCustomerToldOn()).map(this::ok);
    }

    @Override
    @RolesAllowed(Roles.APPEAL_REVIEWER)
    public Uni<Response> decideAppeal(UUID appealId, String ifMatch, AppealDecisionInput input) {
        return service.decide(user.actor(), appealId, ETags.expectedVersion(ifMatch), input.getOutcome(),
                input.getReasons(), input.getCustomerToldOn()).map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER })
    public Uni<Response> withdrawAppeal(UUID appealId, String ifMatch, WithdrawalInput input) {
        return service.withdraw(user.actor(), appealId, ETags.expectedVersion(ifMatch), input.getReason())
                .map(this::ok);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> listDecisions(Boolean appealWindowOpen, UUID caseId, String cursor, Integer limit) {
        return service.decisions(caseId, appealWindowOpen, cursor, limit).map(page -> {
            DecisionSummaryPage body = new DecisionSummaryPage(page.map(mapper::toApi).items());
            Links.page(body, uri, page);
            return Response.ok(body).build();
        });
    }

    private Response ok(AppealEntity appeal) {
        return Responses.ok(mapper.toApi(appeal, clock.today()), appeal.version);
    }
}
