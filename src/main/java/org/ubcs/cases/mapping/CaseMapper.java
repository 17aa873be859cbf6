package org.ubcs.cases.mapping;

import static org.ubcs.web.ApiValues.actor;
import static org.ubcs.web.ApiValues.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.AgreedAction;
import org.ubcs.api.model.AlternativeTried;
import org.ubcs.api.model.Assessment;
import org.ubcs.api.model.AssessmentInput;
import org.ubcs.api.model.CaseConference;
import org.ubcs.api.model.CaseConferenceInput;
import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.ComingReview;
import org.ubcs.api.model.ReviewKind;
import org.ubcs.api.model.Closure;
import org.ubcs.api.model.ConferenceAction;
import org.ubcs.api.model.Decision;
import org.ubcs.api.model.DecisionInput;
import org.ubcs.api.model.DocumentReference;
import org.ubcs.api.model.Involvement;
import org.ubcs.api.model.ModelCase;
import org.ubcs.api.model.PreconditionAnswer;
import org.ubcs.api.model.Preconditions;
import org.ubcs.api.model.PreconditionsInput;
import org.ubcs.api.model.PriorWarning;
import org.ubcs.api.model.PriorWarningRecord;
import org.ubcs.api.model.PriorWarningType;
import org.ubcs.api.model.Referral;
import org.ubcs.api.model.RetentionStatus;
import org.ubcs.api.model.CaseHoldKind;
import org.ubcs.api.model.ReferralChecklist;
import org.ubcs.api.model.ReferralInput;
import org.ubcs.api.model.WarningLetter;
import org.ubcs.api.model.WarningSkipped;
import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.CaseForms;
import org.ubcs.cases.domain.CaseProcedure;
import org.ubcs.cases.domain.CaseView;
import org.ubcs.cases.domain.DecisionDraft;
import org.ubcs.cases.domain.DecisionEntity;
import org.ubcs.cases.domain.ReferralDraft;

/** Between the contract's case models and the case's recorded forms. */
@ApplicationScoped
public class CaseMapper {

    @jakarta.inject.Inject
    org.ubcs.policy.ActivePolicy policy;

    @jakarta.inject.Inject
    org.ubcs.time.LondonClock clock;

    // ---- requests

    public ReferralDraft toDraft(ReferralInput input) {
        ReferralChecklist checklist = input.getChecklist();
        CaseForms.Checklist form = new CaseForms.Checklist(checklist.getComplaintsProcedureExhausted(),
                checklist.getComplaintsProcedureStage(), toForm(checklist.getOmbudsman()),
                toForm(checklist.getMpOrCouncillor()), toForm(checklist.getIndependentInvestigator()),
                checklist.getMeetingHeld(), map(checklist.getAlternativesTried(),
                        a -> new CaseForms.AlternativeTried(a.getAlternative(), a.getResult())));
        return new ReferralDraft(input.getCustomerId(), input.getMatter(), input.getDepartment(),
                List.copyOf(input.getClassifications()),
                new CaseForms.Referral(input.getBackground(),
                        map(input.getDocuments(), d -> new CaseForms.Document(d.getTitle(), d.getReference())),
                        form), input.getReferredOn());
    }

    public CaseForms.PriorWarning toForm(PriorWarning input) {
        if (input instanceof WarningLetter letter) {
            return new CaseForms.PriorWarning(PriorWarningType.WARNING_LETTER, letter.getExplanationGivenOn(),
                    letter.getSentOn(), letter.getChannel(), letter.getSummary(), null, null, null, null);
        }
        WarningSkipped skipped = (WarningSkipped) input;
        return new CaseForms.PriorWarning(PriorWarningType.WARNING_SKIPPED, null, null, null, null,
                skipped.getGround(), skipped.getDetails(), null, null);
    }

    public CaseForms.Preconditions toForm(PreconditionsInput input) {
        return new CaseForms.Preconditions(toForm(input.getComplaintProperlyInvestigated()),
                toForm(input.getSuitableCommunication()), toForm(input.getDeadlinesGiven()),
                toForm(input.getNoSignificantNewInformation()), toForm(input.getCouncilsOwnMatter()),
                toForm(input.getHealthAndDisabilityConsidered()), null, null);
    }

    public CaseForms.Assessment toForm(AssessmentInput input) {
        return new CaseForms.Assessment(input.getSummary(), input.getRecommendation(), null, null);
    }

    public CaseForms.CaseConference toForm(CaseConferenceInput input) {
        return new CaseForms.CaseConference(input.getHeldOn(), input.getChair(),
                List.copyOf(input.getServicesAttending()), input.getSummary(),
                map(input.getAgreedActions(),
                        a -> new CaseForms.ConferenceAction(a.getAction(), a.getOwner(), a.getDueOn())),
                null, null);
    }

    public DecisionDraft toDraft(DecisionInput input) {
        return new DecisionDraft(input.getOutcome(), input.getDecidedOn(), input.getReasons(),
                map(input.getAgreedActions(), a -> new CaseForms.AgreedAction(a.getType(), a.getDetails())),
                input.getCustomerToldOn(), input.getReviewOn(), input.getRestrictions());
    }

    // ---- responses

    /** When the case's personal data is removed, or what stops it (closure plus the profile's retention). */
    private RetentionStatus retention(CaseEntity kase) {
        RetentionStatus status = new RetentionStatus();
        if (kase.personalDataRemovedOn != null) {
            return status.personalDataRemovedOn(kase.personalDataRemovedOn);
        }
        if (kase.removalHeldBy != null) {
            return status.heldBy(java.util.Arrays.stream(kase.removalHeldBy.split(",")).map(CaseHoldKind::valueOf)
                    .toList());
        }
        if (kase.closure != null && kase.closure.closedOn() != null) {
            status.setRemovalDueOn(kase.closure.closedOn().plus(policy.profile().retentionAfterClosure()));
        }
        return status;
    }

    /**
     * While the policy applies, the reviews whose tasks have not opened yet, soonest first: the scheduled one on the
     * next review date, and the status review the profile's period after the decision. Each opens when the profile
     * says (the same rule the job that opens review tasks follows).
     */
    private List<ComingReview> comingReviews(CaseView view) {
        CaseEntity kase = view.kase();
        if (kase.status != CaseStatus.POLICY_APPLIED) {
            return List.of();
        }
        var profile = policy.profile();
        LocalDate today = clock.today();
        List<ComingReview> coming = new ArrayList<>();
        if (kase.nextReviewOn != null && !kase.reviewOpened(ReviewKind.SCHEDULED.name())) {
            coming.add(new ComingReview(ReviewKind.SCHEDULED, kase.nextReviewOn,
                    profile.reviewTaskOpensOn(kase.nextReviewOn, today)));
        }
        if (view.decision() != null && !kase.reviewOpened(ReviewKind.STATUS_REVIEW.name())) {
            profile.statusReviewOn(view.decision().decidedOn).ifPresent(dueOn -> coming.add(
                    new ComingReview(ReviewKind.STATUS_REVIEW, dueOn, profile.reviewTaskOpensOn(dueOn, today))));
        }
        coming.sort(Comparator.comparing(ComingReview::getDueOn));
        return coming;
    }

    public ModelCase toApi(CaseView view) {
        CaseEntity kase = view.kase();
        CaseForms.Referral referral = kase.referral;
        Referral apiReferral = new Referral(referral.background(),
                map(referral.documents(), d -> new DocumentReference(d.title(), d.reference())),
                toApi(referral.checklist()), actor(kase.referredBySubject, kase.referredByName), kase.referredOn,
                time(kase.referredAt));
        ModelCase api = new ModelCase(kase.id, kase.customerId, kase.matter, kase.department,
                kase.classificationList(), kase.status,
                CaseProcedure.allowedSteps(kase), apiReferral,
                time(kase.createdAt), time(kase.updatedAt));
        api.setNextReviewOn(kase.nextReviewOn);
        api.setComingReviews(comingReviews(view));
        api.setRetention(retention(kase));
        if (kase.priorWarning != null) {
            api.setPriorWarning(toApi(kase.priorWarning));
        }
        if (kase.preconditions != null) {
            api.setPreconditions(toApi(kase.preconditions));
        }
        if (kase.assessment != null) {
            CaseForms.Assessment a = kase.assessment;
            api.setAssessment(new Assessment(a.summary(), a.recommendation(), actor(a.assessedBy()),
                    time(a.assessedAt())));
        }
        if (kase.caseConference != null) {
            api.setCaseConference(toApi(kase.caseConference));
        }
        if (view.decision() != null) {
            api.setDecision(toApi(view.decision()));
        }
        if (kase.closure != null) {
            CaseForms.Closure c = kase.closure;
            Closure closure = new Closure(c.reason(), c.closedOn(), actor(c.closedBy()));
            closure.setNotes(c.notes());
            api.setClosure(closure);
        }
        return api;
    }

    private ReferralChecklist toApi(CaseForms.Checklist checklist) {
        ReferralChecklist api = new ReferralChecklist(checklist.complaintsProcedureExhausted(),
                toApi(checklist.ombudsman()), toApi(checklist.mpOrCouncillor()),
                toApi(checklist.independentInvestigator()), checklist.meetingHeld());
        api.setComplaintsProcedureStage(checklist.complaintsProcedureStage());
        api.setAlternativesTried(map(checklist.alternativesTried(),
                a -> new AlternativeTried(a.alternative(), a.result())));
        return api;
    }

    private PriorWarningRecord toApi(CaseForms.PriorWarning form) {
        PriorWarning warning;
        if (form.type() == PriorWarningType.WARNING_LETTER) {
            WarningLetter letter = new WarningLetter(form.type(), form.sentOn(), form.channel(), form.summary());
            letter.setExplanationGivenOn(form.explanationGivenOn());
            warning = letter;
        } else {
            warning = new WarningSkipped(form.type(), form.ground(), form.details());
        }
        return new PriorWarningRecord(warning, actor(form.recordedBy()), time(form.recordedAt()));
    }

    private Preconditions toApi(CaseForms.Preconditions form) {
        Preconditions api = new Preconditions(form.allAnswered(), form.allMet(), actor(form.recordedBy()),
                time(form.recordedAt()));
        api.setComplaintProperlyInvestigated(toApi(form.complaintProperlyInvestigated()));
        api.setSuitableCommunication(toApi(form.suitableCommunication()));
        api.setDeadlinesGiven(toApi(form.deadlinesGiven()));
        api.setNoSignificantNewInformation(toApi(form.noSignificantNewInformation()));
        api.setCouncilsOwnMatter(toApi(form.councilsOwnMatter()));
        api.setHealthAndDisabilityConsidered(toApi(form.healthAndDisabilityConsidered()));
        return api;
    }

    private CaseConference toApi(CaseForms.CaseConference form) {
        CaseConference api = new CaseConference(form.heldOn(), form.chair(), form.servicesAttending(),
                map(form.agreedActions(), a -> new ConferenceAction(a.action(), a.owner(), a.dueOn())),
                actor(form.recordedBy()), time(form.recordedAt()));
        api.setSummary(form.summary());
        return api;
    }

    private Decision toApi(DecisionEntity decision) {
        Decision api = new Decision(decision.id, decision.outcome, decision.decidedOn, decision.reasons,
                map(decision.agreedActions.items(), a -> {
                    AgreedAction action = new AgreedAction(a.type());
                    action.setDetails(a.details());
                    return action;
                }), decision.customerToldOn, actor(decision.decidedBySubject, decision.decidedByName),
                decision.decidedAs, time(decision.recordedAt));
        api.setReviewOn(decision.reviewOn);
        api.setFinalOn(decision.finalOn);
        return api;
    }

    // ---- shared pieces

    private static CaseForms.Involvement toForm(Involvement involvement) {
        return new CaseForms.Involvement(involvement.getInvolved(), involvement.getDetails());
    }

    private static Involvement toApi(CaseForms.Involvement involvement) {
        Involvement api = new Involvement(involvement.involved());
        api.setDetails(involvement.details());
        return api;
    }

    private static CaseForms.Answer toForm(PreconditionAnswer answer) {
        return answer == null ? null : new CaseForms.Answer(answer.getMet(), answer.getNote());
    }

    private static PreconditionAnswer toApi(CaseForms.Answer answer) {
        if (answer == null) {
            return null;
        }
        PreconditionAnswer api = new PreconditionAnswer(answer.met());
        api.setNote(answer.note());
        return api;
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> mapper) {
        return items == null ? List.of() : items.stream().map(mapper).toList();
    }
}
