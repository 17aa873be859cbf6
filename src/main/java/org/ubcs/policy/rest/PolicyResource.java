package org.ubcs.policy.rest;

import org.ubcs.policy.ActivePolicy;
import org.ubcs.policy.PolicyConfig;

import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.PolicyApi;
import org.ubcs.api.model.LetterNames;
import org.ubcs.api.model.Ombudsman;
import org.ubcs.api.model.PolicyProfile;
import org.ubcs.api.model.RegisterPrecautionKind;
import org.ubcs.api.model.RegisterSettings;
import org.ubcs.security.Roles;

import io.smallrye.mutiny.Uni;

/** The active profile, read-only. */
@ApplicationScoped
public class PolicyResource implements PolicyApi {

    @Inject
    ActivePolicy policy;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.AUDITOR, Roles.FIELD_OFFICER })
    public Uni<Response> getPolicyProfile() {
        PolicyConfig.Profile p = policy.profile();
        PolicyProfile body = new PolicyProfile(policy.id(), p.councilName(), p.decisionMakerLabel(),
                p.appealReviewerLabel(), p.reviewInterval().toString(), p.maxReviewHorizon().toString(),
                p.reviewPreparationLeadTime().toString(), p.minimumDuration().toString(),
                p.customerReviewRequestAfter().toString(), p.appealWindowWorkingDays(),
                p.appealDecisionWorkingDays(), p.holidayRegion(), p.decisionNotifications(),
                p.retentionAfterClosure().toString(), p.classifications(), p.letterLanguages(),
                // The names each letter language's version uses: the letters read the same two methods.
                p.letterLanguages().stream().map(language -> new LetterNames(language, p.councilName(language),
                        p.ombudsman().name(language))).toList(),
                new Ombudsman(p.ombudsman().name(), java.net.URI.create(p.ombudsman().url())),
                p.emergencyRestrictionMaxDuration().toString(), p.emergencyAssessmentWorkingDays(),
                p.readAndFileScreeningWorkingDays(), p.overdueReviewAction(), p.reviewNotifications());
        p.statusReviewAfter().ifPresent(period -> body.setStatusReviewAfter(period.toString()));
        p.register().ifPresent(register -> body.setRegister(register(register)));
        return Uni.createFrom().item(Response.ok(body).build());
    }

    private static RegisterSettings register(PolicyConfig.Register r) {
        RegisterSettings api = new RegisterSettings(r.used());
        api.setApproverLabel(r.approverLabel());
        api.setReviewInterval(r.reviewInterval().toString());
        api.setReviewLeadTime(r.reviewLeadTime().toString());
        api.setRiskLevels(r.riskLevels());
        api.setPrecautions(r.precautions().stream().map(p -> new RegisterPrecautionKind(p.code(), p.label())).toList());
        api.setAppealWindowWorkingDays(r.appealWindowWorkingDays());
        api.setNotifications(r.notifications());
        Map<String, String> kept = new TreeMap<>();
        r.removedContentKept().forEach((level, period) -> kept.put(level, period.toString()));
        api.setRemovedContentKept(kept);
        return api;
    }
}
