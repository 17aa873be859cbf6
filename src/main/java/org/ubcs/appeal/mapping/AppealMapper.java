package org.ubcs.appeal.mapping;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.Appeal;
import org.ubcs.api.model.AppealDecision;
import org.ubcs.api.model.AppealGround;
import org.ubcs.api.model.AppealInput;
import org.ubcs.api.model.AppealOutcome;
import org.ubcs.api.model.AppealState;
import org.ubcs.api.model.AppealStepRecord;
import org.ubcs.api.model.DecisionSummary;
import org.ubcs.api.model.Ombudsman;
import org.ubcs.appeal.domain.AppealDraft;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.appeal.service.AppealService;
import org.ubcs.policy.ActivePolicy;

@ApplicationScoped
public class AppealMapper {

    @Inject
    ActivePolicy policy;

    public AppealDraft toDraft(AppealInput input) {
        return new AppealDraft(input.getDecisionId(), input.getRegisterEntryId(), input.getReceivedOn(),
                input.getChannel(), java.util.List.copyOf(input.getGrounds()), input.getText());
    }

    public Appeal toApi(AppealEntity a, LocalDate today) {
        Appeal api = new Appeal(a.id, a.receivedOn, a.channel,
                Arrays.stream(a.grounds).map(AppealGround::valueOf).toList(), a.text, a.state, a.late, a.appealBy,
                actor(a.lodgedBySubject, a.lodgedByName), a.lodgedAt.atOffset(ZoneOffset.UTC));
        api.setDecisionId(a.decisionId);
        api.setRegisterEntryId(a.registerEntryId);
        api.setCaseId(a.caseId);
        api.setCustomerId(a.customerId);
        api.setDecisionDueOn(a.decisionDueOn);
        if (a.state == AppealState.LODGED) {
            api.setDecisionOverdue(a.decisionOverdueOn(today));
        }
        api.setLateAcceptance(step(a.lateAcceptance));
        api.setRefusal(step(a.refusal));
        api.setWithdrawal(step(a.withdrawal));
        if (a.outcome != null) {
            AppealDecision decision = new AppealDecision(a.outcome.outcome(), a.outcome.reasons(),
                    a.outcome.customerToldOn(), actor(a.outcome.decidedBy()),
                    a.outcome.decidedAt().atOffset(ZoneOffset.UTC));
            // Only a decision has restrictions: an upheld appeal against a register entry removes the entry.
            decision.setRestrictionsLifted(a.outcome.outcome() == AppealOutcome.UPHELD && a.decisionId != null
                    ? a.outcome.restrictionsLifted() : null);
            api.setDecision(decision);
        }
        // After a refusal, or an appeal that did not succeed, the customer may go to the Ombudsman.
        if (a.state == AppealState.REFUSED_OUT_OF_TIME
                || a.outcome != null && a.outcome.outcome() != AppealOutcome.UPHELD) {
            var ombudsman = policy.profile().ombudsman();
            api.setOmbudsman(new Ombudsman(ombudsman.name(), URI.create(ombudsman.url())));
        }
        return api;
    }

    public DecisionSummary toApi(AppealService.DecisionWindow window) {
        var d = window.decision();
        DecisionSummary api = new DecisionSummary(d.id, d.caseId, window.customerId(), d.decidedOn, d.customerToldOn,
                window.open());
        api.setAppealBy(window.appealBy());
        api.setFinalOn(d.finalOn);
        return api;
    }

    private static AppealStepRecord step(AppealEntity.StepRecord step) {
        if (step == null) {
            return null;
        }
        AppealStepRecord api = new AppealStepRecord(step.reason(), actor(step.recordedBy()),
                step.recordedAt().atOffset(ZoneOffset.UTC));
        api.setCustomerToldOn(step.customerToldOn());
        return api;
    }

    private static Actor actor(org.ubcs.security.Actor actor) {
        return new Actor(actor.subject(), actor.name());
    }

    private static Actor actor(String subject, String name) {
        return new Actor(subject, name);
    }
}
