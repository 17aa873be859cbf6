package org.ubcs.cases.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.CaseStep;
import org.ubcs.api.model.ClosureReason;
import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.PriorWarningType;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.CaseFilter;
import org.ubcs.cases.domain.CaseForms;
import org.ubcs.cases.domain.CaseProcedure;
import org.ubcs.cases.domain.CaseState;
import org.ubcs.cases.domain.CaseView;
import org.ubcs.cases.domain.DecisionDraft;
import org.ubcs.cases.domain.DecisionEntity;
import org.ubcs.cases.domain.DecisionRules;
import org.ubcs.cases.domain.ReferralDraft;
import org.ubcs.cases.repository.CaseRepository;
import org.ubcs.cases.repository.DecisionRepository;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.customer.service.CustomerService;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.domain.RestrictionFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The procedure on a case. Each step: the case must exist (404), be at the version the user read (412) and be in a
 * status that allows the step (409); then the step's own rules (400, 422); then the change and its audit event, in
 * one transaction.
 */
@ApplicationScoped
public class CaseService {

    @Inject
    Cursors cursors;

    @Inject
    CaseRepository cases;

    @Inject
    DecisionRepository decisions;

    @Inject
    CustomerService customers;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    @Inject
    LetterService letters;

    @Inject
    NotificationService notifications;

    @Inject
    CalendarService calendar;

    @Inject
    Instance<CaseClosedListener> closedListeners;

    @Inject
    DecisionRestrictions decisionRestrictions;

    @WithTransaction
    public Uni<CaseView> refer(Actor actor, ReferralDraft referral) {
        checkReferral(referral);
        return customers.findOrNull(referral.customerId()).flatMap(customer -> {
            if (customer == null) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No customer with this id.",
                        List.of(FieldError.field("/customerId", "no customer with this id")));
            }
            CaseEntity kase = new CaseEntity();
            kase.id = UUID.randomUUID();
            kase.customerId = referral.customerId();
            kase.matter = referral.matter();
            kase.department = referral.department();
            kase.classifications(referral.classifications());
            kase.status = CaseStatus.REFERRED;
            kase.referral = referral.form();
            kase.referredBySubject = actor.subject();
            kase.referredByName = actor.name();
            kase.referredAt = clock.now();
            kase.referredOn = referral.referredOn() == null ? clock.today() : referral.referredOn();
            kase.createdAt = kase.referredAt;
            kase.updatedAt = kase.referredAt;
            return cases.persistAndFlush(kase)
                    .call(() -> audit.record(actor, "CASE_REFERRED", AuditEntityType.CASE, kase.id, kase.id,
                            List.of("customerId", "matter", "department", "classifications", "referral")))
                    .replaceWith(new CaseView(kase, null));
        });
    }

    @WithSession
    public Uni<CaseView> get(UUID id) {
        return find(id).flatMap(kase -> decisions.findByCase(id).map(decision -> new CaseView(kase, decision)));
    }

    @WithSession
    public Uni<Page<CaseView>> list(CaseFilter filter, String cursor, int limit) {
        return cases.list(filter, cursors.decode("cases", cursor), limit + 1).flatMap(found -> {
            Page<CaseEntity> page = Page.of(found, limit, c -> cursors.encode("cases", c.createdAt, c.id));
            return decisions.findByCases(page.items().stream().map(c -> c.id).toList()).map(list -> {
                Map<UUID, DecisionEntity> byCase = list.stream()
                        .collect(Collectors.toMap(d -> d.caseId, Function.identity()));
                return page.map(c -> new CaseView(c, byCase.get(c.id)));
            });
        });
    }

    @WithTransaction
    public Uni<CaseView> recordPriorWarning(Actor actor, UUID id, Long expectedVersion, CaseForms.PriorWarning form) {
        return step(actor, id, expectedVersion, CaseStep.RECORD_PRIOR_WARNING, "PRIOR_WARNING_RECORDED", kase -> {
            LocalDate today = clock.today();
            DateOrder.happened("/explanationGivenOn", form.explanationGivenOn(), today);
            DateOrder.happened("/sentOn", form.sentOn(), today);
            DateOrder.follows("/sentOn", form.sentOn(), "the referral", kase.referredOn);
            DateOrder.follows("/sentOn", form.sentOn(), "the explanation to the customer", form.explanationGivenOn());
            kase.priorWarning = form.recordedBy(actor, clock.now());
            kase.status = CaseStatus.INFORMAL_STAGE_COMPLETED;
            return List.of("priorWarning", "status");
        }).call(view -> form.type() != PriorWarningType.WARNING_LETTER ? Uni.createFrom().voidItem()
                // The letter the customer was sent: dated, and recorded as sent, on the day it went.
                : letters.issueSent(actor, LetterKind.PRIOR_WARNING, view.kase().customerId, id,
                        new LetterFacts(view.kase().matter, form.summary(), List.of(), form.sentOn(), null, null,
                                null, null, null, false), form.sentOn()));
    }

    @WithTransaction
    public Uni<CaseView> recordPreconditions(Actor actor, UUID id, Long expectedVersion,
            CaseForms.Preconditions form) {
        return step(actor, id, expectedVersion, CaseStep.RECORD_PRECONDITIONS, "PRECONDITIONS_RECORDED", kase -> {
            kase.preconditions = form.recordedBy(actor, clock.now());
            return List.of("preconditions");
        });
    }

    @WithTransaction
    public Uni<CaseView> recordAssessment(Actor actor, UUID id, Long expectedVersion, CaseForms.Assessment form) {
        return step(actor, id, expectedVersion, CaseStep.RECORD_ASSESSMENT, "ASSESSMENT_RECORDED", kase -> {
            kase.assessment = form.recordedBy(actor, clock.now());
            kase.status = CaseStatus.ASSESSED;
            return List.of("assessment", "status");
        });
    }

    @WithTransaction
    public Uni<CaseView> recordCaseConference(Actor actor, UUID id, Long expectedVersion,
            CaseForms.CaseConference form) {
        return step(actor, id, expectedVersion, CaseStep.RECORD_CASE_CONFERENCE, "CASE_CONFERENCE_RECORDED",
                kase -> {
            DateOrder.happened("/heldOn", form.heldOn(), clock.today());
            DateOrder.follows("/heldOn", form.heldOn(), "the referral", kase.referredOn);
            kase.caseConference = form.recordedBy(actor, clock.now());
            kase.status = CaseStatus.CASE_CONFERENCE_HELD;
            return List.of("caseConference", "status");
        });
    }

    @WithTransaction
    public Uni<CaseView> recordDecision(Actor actor, UUID id, Long expectedVersion, DecisionDraft draft) {
        return find(id).flatMap(kase -> {
            ETags.requireCurrent(expectedVersion, kase.version);
            CaseProcedure.require(CaseStep.RECORD_DECISION, kase);
            DecisionRules.check(draft, kase, actor, policy.profile(), clock.today());
            DecisionEntity decision = new DecisionEntity();
            decision.id = UUID.randomUUID();
            decision.caseId = kase.id;
            decision.outcome = draft.outcome();
            decision.decidedOn = draft.decidedOn();
            decision.reasons = draft.reasons();
            decision.agreedActions = new CaseForms.AgreedActions(draft.agreedActions());
            decision.customerToldOn = draft.customerToldOn();
            decision.reviewOn = draft.reviewOn();
            decision.decidedBySubject = actor.subject();
            decision.decidedByName = actor.name();
            decision.decidedAs = policy.profile().decisionMakerLabel();
            decision.recordedAt = clock.now();
            boolean applied = draft.outcome() == DecisionOutcome.APPLY_POLICY;
            kase.status = applied ? CaseStatus.POLICY_APPLIED : CaseStatus.POLICY_NOT_APPLIED;
            kase.nextReviewOn = draft.reviewOn();
            kase.updatedAt = decision.recordedAt;
            return decisions.persist(decision).call(cases::flush)
                    .call(() -> audit.record(actor, "DECISION_RECORDED", AuditEntityType.CASE, kase.id, kase.id,
                            List.of("decision", "status", "nextReviewOn")))
                    .chain(() -> draft.restrictions().isEmpty() ? Uni.createFrom().item(List.<RestrictionFacts>of())
                            : decisionRestrictions.imposeWithDecision(actor, kase, decision, draft.restrictions()))
                    .call(restrictions -> tell(actor, kase, decision, restrictions))
                    .replaceWith(new CaseView(kase, decision));
        });
    }

    @WithTransaction
    public Uni<CaseView> close(Actor actor, UUID id, Long expectedVersion, ClosureReason reason, String notes) {
        return find(id).flatMap(kase -> {
            ETags.requireCurrent(expectedVersion, kase.version);
            return closeCases(actor, List.of(CaseState.of(kase)), reason, Collections.singletonMap(id, notes))
                    // Closed by a statement of its own: the case as it now stands.
                    .chain(() -> cases.getSession().flatMap(session -> session.refresh(kase)))
                    .replaceWith(kase);
        }).flatMap(closed -> decisions.findByCase(id).map(decision -> new CaseView(closed, decision)));
    }

    /**
     * Closes these cases for one reason, each with its own notes, in the caller's transaction, by the rules of
     * {@link #close}: as a job does a batch of them (the lapse of overdue reviews), a statement per table for the lot.
     * Any case that may not close so fails them all (the job then finds which one by closing them one at a time).
     */
    public Uni<Void> closeAll(Actor actor, Map<UUID, String> notesByCase, ClosureReason reason) {
        if (notesByCase.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return cases.states(notesByCase.keySet()).flatMap(found -> {
            if (found.size() != notesByCase.size()) {
                throw new IllegalStateException("No case " + notesByCase.keySet().stream()
                        .filter(id -> found.stream().noneMatch(k -> k.id().equals(id))).toList());
            }
            return closeCases(actor, found, reason, notesByCase);
        });
    }

    /**
     * The closing step for each case (its notes by its id, or null): the rules checked on what they read of each,
     * the cases closed with one statement, then what ends with them. A case loaded in the session is stale after.
     */
    private Uni<Void> closeCases(Actor actor, List<CaseState> closing, ClosureReason reason,
            Map<UUID, String> notesByCase) {
        LocalDate today = clock.today();
        Instant now = clock.now();
        Map<UUID, CaseForms.Closure> closures = new java.util.LinkedHashMap<>();
        for (CaseState kase : closing) {
            CaseProcedure.require(CaseStep.CLOSE, kase);
            if (reason == ClosureReason.POLICY_NOT_APPLIED && kase.status() != CaseStatus.POLICY_NOT_APPLIED
                    || (reason == ClosureReason.LIFTED_AFTER_REVIEW
                            || reason == ClosureReason.LAPSED_AFTER_OVERDUE_REVIEW)
                            && kase.status() != CaseStatus.POLICY_APPLIED) {
                throw ProblemException.policyRule("CLOSURE_REASON_INCONSISTENT",
                        reason + " does not describe a case that is " + kase.status() + ".");
            }
            // The closure's day is also its own column (closed_on), and the next review date goes: both in the update.
            closures.put(kase.id(), new CaseForms.Closure(reason, notesByCase.get(kase.id()), today, actor, now));
        }
        List<UUID> ids = List.copyOf(closures.keySet());
        Uni<Void> told = cases.close(closures, now).call(() -> audit.recordAll(actor, "CASE_CLOSED",
                AuditEntityType.CASE, ids.stream().map(id -> new AuditService.Target(id, id)).toList(),
                CLOSED_FIELDS)).replaceWithVoid();
        for (CaseClosedListener listener : closedListeners) {
            told = told.call(() -> listener.casesClosed(actor, ids));
        }
        return told;
    }

    private static final List<String> CLOSED_FIELDS = List.of("closure", "status");

    /** These cases, those that exist, in no particular order. */
    public Uni<List<CaseEntity>> findAll(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : cases.list("id in ?1", ids);
    }

    /** After a review that continues the policy: the date of the next one. */
    public Uni<CaseEntity> setNextReview(Actor actor, UUID id, LocalDate nextReviewOn) {
        return find(id).flatMap(kase -> {
            kase.nextReviewOn = nextReviewOn;
            kase.updatedAt = clock.now();
            return cases.flush().call(() -> audit.record(actor, "NEXT_REVIEW_SET", AuditEntityType.CASE, id, id,
                    List.of("nextReviewOn"))).replaceWith(kase);
        });
    }

    /**
     * The customer gets the decision letter: the restrictions it imposes, in plain words, then the agreed actions
     * the decision maker described (an action's bare type is printed only when no restriction says more); how to
     * challenge it by when, in working days. Those the profile names are told of a decision to apply the policy,
     * with what they need to know and no more.
     */
    private Uni<Void> tell(Actor actor, CaseEntity kase, DecisionEntity decision, List<RestrictionFacts> restrictions) {
        var profile = policy.profile();
        List<String> actions = decision.agreedActions.items().stream()
                .filter(a -> a.details() != null || restrictions.isEmpty())
                .map(a -> a.details() == null
                        ? a.type().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                        : a.details()).toList();
        if (decision.outcome != DecisionOutcome.APPLY_POLICY) {
            return letters.issue(actor, LetterKind.DECISION_NOT_TO_APPLY, kase.customerId, kase.id,
                    new LetterFacts(kase.matter, decision.reasons, actions, null, null, null, null, null, null,
                            false)).replaceWithVoid();
        }
        return calendar.current().map(days -> profile.appealWindowWorkingDays() == 0 ? null
                : days.plus(decision.customerToldOn, profile.appealWindowWorkingDays()))
                .call(challengeBy -> letters.issue(actor, LetterKind.DECISION_TO_APPLY, kase.customerId, kase.id,
                        new LetterFacts(kase.matter, decision.reasons, actions, decision.decidedOn, null,
                                decision.reviewOn, challengeBy, null, null, true, restrictions, List.of())))
                .call(challengeBy -> notifications.notify("DECISION_TO_APPLY", decision.id.toString(),
                        profile.decisionNotifications(), kase.id, "A customer's contact is now managed under the policy",
                        "From " + decision.decidedOn + " the contact of the customer of case " + kase.id + " ("
                                + kase.department + ") is managed under the unacceptable behaviour policy, until the "
                                + "review on " + decision.reviewOn + ". Check the service before responding to them."))
                .replaceWithVoid();
    }

    /** For the evidence log: the case, checked to exist and to accept evidence. */
    public Uni<CaseEntity> requireStep(UUID id, CaseStep step) {
        return find(id).invoke(kase -> CaseProcedure.require(step, kase));
    }

    /** The case's decision, or null before it is decided. */
    public Uni<DecisionEntity> decisionOf(UUID caseId) {
        return decisions.findByCase(caseId);
    }

    /** A decision by its id, or null. */
    public Uni<DecisionEntity> findDecision(UUID decisionId) {
        return decisions.findById(decisionId);
    }

    /** Decisions to apply the policy, oldest first, told on or after {@code toldSince} (null: any). */
    public Uni<Page<DecisionEntity>> appliedDecisions(UUID caseId, LocalDate toldSince, String cursor, int limit) {
        return decisions.applied(caseId, toldSince, cursors.decode("decisions", cursor), limit + 1)
                .map(found -> Page.of(found, limit, d -> cursors.encode("decisions", d.recordedAt, d.id)));
    }

    /** The customer of each of these cases. */
    public Uni<Map<UUID, UUID>> customersOf(Collection<UUID> caseIds) {
        return caseIds.isEmpty() ? Uni.createFrom().item(Map.of()) : cases.customersOf(caseIds);
    }

    /** For other capabilities that refer to a case: present or not. */
    public Uni<CaseEntity> findOrNull(UUID id) {
        return cases.findById(id);
    }

    /** The next review date of each of these cases that has one. */
    public Uni<Map<UUID, LocalDate>> nextReviewDates(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return cases.list("id in ?1 and nextReviewOn is not null", ids).map(found -> found.stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.nextReviewOn)));
    }

    public Uni<CaseEntity> find(UUID id) {
        return cases.findById(id).map(kase -> {
            if (kase == null) {
                throw ProblemException.notFound("No case with this id.");
            }
            return kase;
        });
    }

    /** Applies one procedure step: the change returns the names of what it changed, for the audit event. */
    private Uni<CaseView> step(Actor actor, UUID id, Long expectedVersion, CaseStep step, String action,
            Function<CaseEntity, List<String>> change) {
        return find(id).flatMap(kase -> {
            ETags.requireCurrent(expectedVersion, kase.version);
            CaseProcedure.require(step, kase);
            List<String> changed = new ArrayList<>(change.apply(kase));
            kase.updatedAt = clock.now();
            return cases.flush()
                    .call(() -> audit.record(actor, action, AuditEntityType.CASE, id, id, changed))
                    .flatMap(flushed -> decisions.findByCase(id))
                    .map(decision -> new CaseView(kase, decision));
        });
    }

    private void checkReferral(ReferralDraft referral) {
        List<FieldError> errors = new ArrayList<>();
        var profile = policy.profile();
        var notInUse = referral.classifications().stream().filter(c -> !profile.classifications().contains(c))
                .toList();
        CaseForms.Checklist checklist = referral.form().checklist();
        if (!checklist.complaintsProcedureExhausted() && isBlank(checklist.complaintsProcedureStage())) {
            errors.add(FieldError.field("/checklist/complaintsProcedureStage",
                    "is required when the complaints procedures are not exhausted"));
        }
        requireDetails(errors, "ombudsman", checklist.ombudsman());
        requireDetails(errors, "mpOrCouncillor", checklist.mpOrCouncillor());
        requireDetails(errors, "independentInvestigator", checklist.independentInvestigator());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        DateOrder.happened("/referredOn", referral.referredOn(), clock.today());
        if (!notInUse.isEmpty()) {
            throw ProblemException.policyRule("CLASSIFICATION_NOT_IN_USE", "This council's policy does not use "
                    + notInUse + "; it uses " + profile.classifications() + ".");
        }
    }

    private static void requireDetails(List<FieldError> errors, String field, CaseForms.Involvement involvement) {
        if (involvement.involved() && isBlank(involvement.details())) {
            errors.add(FieldError.field("/checklist/" + field + "/details", "is required when involved"));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
