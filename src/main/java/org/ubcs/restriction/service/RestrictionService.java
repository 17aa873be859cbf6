package org.ubcs.restriction.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseStep;
import org.ubcs.api.model.RestrictionInput;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.api.model.RestrictionState;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.cases.domain.CaseProcedure;
import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.DecisionEntity;
import org.ubcs.cases.service.CaseClosedListener;
import org.ubcs.cases.service.DecisionRestrictions;
import org.ubcs.cases.service.CaseService;
import org.ubcs.customer.domain.CustomerEntity;
import org.ubcs.customer.service.CustomerService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.restriction.domain.RestrictionDraft;
import org.ubcs.restriction.domain.RestrictionEntity;
import org.ubcs.restriction.domain.RestrictionFilter;
import org.ubcs.restriction.domain.RestrictionGuards;
import org.ubcs.restriction.domain.RestrictionView;
import org.ubcs.restriction.domain.RestrictionInputs;
import org.ubcs.restriction.domain.TermsFacts;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.domain.RestrictionFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.api.model.LetterKind;
import org.ubcs.restriction.repository.RestrictionRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Restrictions: imposed with or under a case's decision or in an emergency, modified by new versions, lifted. Every
 * change passes the guards of {@link RestrictionGuards}, is audited in the step's transaction and is told to the
 * customer in a letter (the decision's, or one of its own).
 */
@ApplicationScoped
public class RestrictionService implements CaseClosedListener, DecisionRestrictions {

    @Inject
    Cursors cursors;

    @Inject
    RestrictionRepository restrictions;

    @Inject
    CaseService cases;

    @Inject
    CustomerService customers;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    CalendarService calendar;

    @Inject
    LondonClock clock;

    @Inject
    LetterService letters;

    @Inject
    NotificationService notifications;

    /**
     * A restriction imposed under the case's decision after the decision itself: the customer is told what was added
     * in a RESTRICTIONS_CHANGED letter.
     */
    @WithTransaction
    public Uni<RestrictionView> impose(Actor actor, UUID caseId, RestrictionDraft draft) {
        return cases.find(caseId).flatMap(kase -> {
            CaseProcedure.require(CaseStep.IMPOSE_RESTRICTION, kase);
            return cases.decisionOf(caseId).flatMap(decision -> imposeUnder(actor, kase, decision, draft))
                    .call(saved -> changeLetter(actor, saved, "IMPOSED", List.of(TermsFacts.of(saved)), List.of(),
                            saved.startsOn, saved.reasons))
                    .map(saved -> new RestrictionView(saved, kase.nextReviewOn));
        });
    }

    /**
     * The restrictions a decision carries, imposed in the decision's transaction by the same rules as {@link #impose}
     * (the decision letter states them, so no letter of their own); the first refused refuses them all.
     */
    @Override
    public Uni<List<RestrictionFacts>> imposeWithDecision(Actor actor, CaseEntity kase, DecisionEntity decision,
            List<RestrictionInput> requested) {
        List<RestrictionFacts> imposed = new ArrayList<>();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (int i = 0; i < requested.size(); i++) {
            String at = "/restrictions/" + i;
            RestrictionInput input = requested.get(i);
            done = done.chain(() -> Uni.createFrom().item(() -> RestrictionInputs.draft(input))
                    .chain(draft -> imposeUnder(actor, kase, decision, draft))
                    .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).at(at))
                    .invoke(saved -> imposed.add(TermsFacts.of(saved)))
                    .replaceWithVoid());
        }
        return done.map(ignored -> List.copyOf(imposed));
    }

    private Uni<RestrictionEntity> imposeUnder(Actor actor, CaseEntity kase, DecisionEntity decision,
            RestrictionDraft draft) {
        checkDates(draft.startsOn(), draft.endsOn());
        DateOrder.follows("/startsOn", draft.startsOn(), "the decision", decision.decidedOn);
        RestrictionEntity restriction = newVersion(actor, kase.customerId, draft);
        restriction.caseId = kase.id;
        restriction.decisionId = decision.id;
        return guardAndPersist(actor, restriction, draft, null, "RESTRICTION_IMPOSED");
    }

    /**
     * The letter telling the customer of one restriction imposed, modified or lifted on its own: what it is now
     * ({@code now}), what it was or what ended ({@code before}), from when and why. An addition or a change to a
     * restriction under a decision can be challenged like the decision (by a date in working days from today, then
     * the Ombudsman); a lifting, or a change to an emergency restriction, has nothing to challenge.
     */
    private Uni<UUID> changeLetter(Actor actor, RestrictionEntity about, String change, List<RestrictionFacts> now,
            List<RestrictionFacts> before, LocalDate from, String why) {
        boolean challengeable = !about.emergency && !"LIFTED".equals(change);
        int window = policy.profile().appealWindowWorkingDays();
        Uni<String> matter = about.caseId == null ? Uni.createFrom().nullItem()
                : cases.findOrNull(about.caseId).map(kase -> kase == null ? null : kase.matter);
        Uni<LocalDate> challengeBy = !challengeable || window == 0 ? Uni.createFrom().nullItem()
                : calendar.current().map(days -> days.plus(clock.today(), window));
        return matter.flatMap(matterName -> challengeBy.flatMap(by -> letters.issue(actor,
                LetterKind.RESTRICTIONS_CHANGED, about.customerId, about.caseId, new LetterFacts(matterName, why,
                        List.of(), from, null, null, by, null, change, challengeable, now, before))));
    }

    @WithTransaction
    public Uni<RestrictionView> imposeEmergency(Actor actor, UUID customerId, RestrictionDraft draft,
            String incident) {
        LocalDate today = clock.today();
        LocalDate latest = today.plus(policy.profile().emergencyRestrictionMaxDuration());
        LocalDate endsOn = draft.endsOn() == null ? latest : draft.endsOn();
        checkDates(today, endsOn);
        if (endsOn.isAfter(latest)) {
            throw ProblemException.policyRule("EMERGENCY_TOO_LONG", "An emergency restriction may run at most "
                    + policy.profile().emergencyRestrictionMaxDuration() + ", until " + latest + ".");
        }
        RestrictionDraft onTheSpot = new RestrictionDraft(draft.terms(), RestrictionScope.ALL_MATTERS, today, endsOn,
                draft.reasons(), draft.statutoryServicesAffected(), draft.legalBasis(), draft.adjustmentsOverride());
        RestrictionEntity restriction = newVersion(actor, customerId, onTheSpot);
        restriction.emergency = true;
        restriction.incident = incident;
        return calendar.current().flatMap(days -> {
            restriction.assessmentDueOn = days.plus(today, policy.profile().emergencyAssessmentWorkingDays());
            return guardAndPersist(actor, restriction, onTheSpot, null, "EMERGENCY_RESTRICTION_IMPOSED");
        }).call(saved -> letters.issue(actor, LetterKind.EMERGENCY_RESTRICTION, customerId, null,
                new LetterFacts(null, incident, List.of(), saved.startsOn, saved.endsOn, null,
                        saved.assessmentDueOn, null, null, false, List.of(TermsFacts.of(saved)), List.of())))
                .map(saved -> new RestrictionView(saved, null));
    }

    /** A new version supersedes the current one from its start; the one before stays readable in the history. */
    @WithTransaction
    public Uni<RestrictionView> modify(Actor actor, UUID id, Long expectedVersion, RestrictionDraft draft) {
        return find(id).flatMap(old -> {
            ETags.requireCurrent(expectedVersion, old.lockVersion);
            requireActive(old, CaseStep.MODIFY_RESTRICTION);
            checkDates(draft.startsOn(), draft.endsOn());
            DateOrder.follows("/startsOn", draft.startsOn(), "the start of the version it supersedes",
                    old.startsOn);
            RestrictionDraft scoped = old.emergency ? new RestrictionDraft(draft.terms(), RestrictionScope.ALL_MATTERS,
                    draft.startsOn(), draft.endsOn(), draft.reasons(), draft.statutoryServicesAffected(),
                    draft.legalBasis(), draft.adjustmentsOverride()) : draft;
            RestrictionEntity next = newVersion(actor, old.customerId, scoped);
            next.caseId = old.caseId;
            next.decisionId = old.decisionId;
            next.emergency = old.emergency;
            next.incident = old.incident;
            next.assessmentDueOn = old.assessmentDueOn;
            next.followUp = old.followUp;
            next.lineageId = old.lineageId;
            next.versionNumber = old.versionNumber + 1;
            next.supersedes = old.id;
            return guardAndPersist(actor, next, scoped, old.lineageId, "RESTRICTION_MODIFIED")
                    .call(saved -> {
                        // Only now that the new version exists may the old one point to it.
                        old.supersededBy = saved.id;
                        old.effectiveUntil = earlier(old.effectiveUntil, draft.startsOn().minusDays(1));
                        return restrictions.flush();
                    })
                    .call(() -> audit.record(actor, "RESTRICTION_SUPERSEDED", AuditEntityType.RESTRICTION, old.id,
                            old.caseId, List.of("supersededBy", "effectiveUntil")))
                    .call(saved -> changeLetter(actor, saved, "MODIFIED", List.of(TermsFacts.of(saved)),
                            List.of(TermsFacts.of(old)), saved.startsOn, saved.reasons))
                    .flatMap(saved -> reviewOn(saved).map(review -> new RestrictionView(saved, review)));
        });
    }

    @WithTransaction
    public Uni<RestrictionView> lift(Actor actor, UUID id, Long expectedVersion, String reasons) {
        return find(id).flatMap(restriction -> {
            ETags.requireCurrent(expectedVersion, restriction.lockVersion);
            requireActive(restriction, CaseStep.LIFT_RESTRICTION);
            return liftAll(actor, RestrictionRepository.LiftBy.ID, Map.of(id, reasons))
                    // Lifted by a statement of its own: the restriction as it now stands.
                    .chain(() -> restrictions.getSession().flatMap(session -> session.refresh(restriction)))
                    .call(() -> changeLetter(actor, restriction, "LIFTED", List.of(),
                            List.of(TermsFacts.of(restriction)), restriction.liftedOn, reasons))
                    .flatMap(flushed -> reviewOn(restriction))
                    .map(review -> new RestrictionView(restriction, review));
        });
    }

    /** The customer's restrictions in force today, for those who must know of them (the register shows them). */
    public Uni<List<RestrictionEntity>> inForceFor(UUID customerId) {
        LocalDate today = clock.today();
        return restrictions.currentFor(customerId, today)
                .map(found -> found.stream().filter(r -> r.inForceOn(today)).toList());
    }

    /** Whether any restriction of the case was superseded by a new version imposed at or after {@code since}. */
    public Uni<Boolean> modifiedSince(UUID caseId, java.time.Instant since) {
        return restrictions.count("caseId = ?1 and supersedes is not null and imposedAt >= ?2", caseId, since)
                .map(count -> count > 0);
    }

    /** Lifts every restriction in force under a decision (an upheld appeal quashes them); returns their ids. */
    public Uni<List<UUID>> liftAllUnderDecision(Actor actor, UUID decisionId, String reasons) {
        return liftAll(actor, RestrictionRepository.LiftBy.DECISION, Map.of(decisionId, reasons))
                .map(RestrictionService::ids);
    }

    /** Lifts every restriction in force under a case (a review lifts them, or they lapse); returns their ids. */
    public Uni<List<UUID>> liftAllOfCase(Actor actor, UUID caseId, String reasons) {
        return liftAllOfCases(actor, Map.of(caseId, reasons));
    }

    /**
     * As {@link #liftAllOfCase} for many cases at once, each with its own reasons (a job's batch of lapses): one
     * query, one batched update and one batched insert of audit events for the lot; returns the ids lifted.
     */
    public Uni<List<UUID>> liftAllOfCases(Actor actor, Map<UUID, String> reasonsByCase) {
        return liftAll(actor, RestrictionRepository.LiftBy.CASE, reasonsByCase).map(RestrictionService::ids);
    }

    /**
     * Cases' restrictions end with them, in the closing transaction: whatever is still in force (or yet to start) is
     * lifted, each customer gets the lifting letter and those told of the decision are told it is over. A step that
     * closes a case after lifting its restrictions itself (a review, a lapse) finds nothing left here.
     */
    @Override
    public Uni<Void> casesClosed(Actor actor, List<UUID> caseIds) {
        String reasons = "The case was closed, so its restrictions end.";
        Map<UUID, String> reasonsByCase = new LinkedHashMap<>();
        caseIds.forEach(id -> reasonsByCase.put(id, reasons));
        return liftAll(actor, RestrictionRepository.LiftBy.CASE, reasonsByCase).flatMap(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return restrictions.list("id in ?1 order by imposedAt, id", ids(ids))
                    .flatMap(lifted -> tellLiftedWithCases(actor, lifted));
        });
    }

    /** The lifting letters and notifications of restrictions that ended with their cases. */
    private Uni<Void> tellLiftedWithCases(Actor actor, List<RestrictionEntity> lifted) {
        Map<UUID, List<RestrictionEntity>> byCase = lifted.stream()
                .collect(Collectors.groupingBy(r -> r.caseId, LinkedHashMap::new, Collectors.toList()));
        LocalDate today = clock.today();
        return cases.findAll(byCase.keySet()).flatMap(found -> letters.issueAll(actor, LetterKind.LIFTING,
                found.stream().map(kase -> new LetterService.Letter(kase.customerId, kase.id, new LetterFacts(
                        kase.matter, null, List.of(), today, null, null, null, null, null, false,
                        byCase.get(kase.id).stream().map(TermsFacts::of).toList(), List.of()))).toList())
                .call(() -> notifications.notifyAll(found.stream().map(kase -> new NotificationService.Notice(
                        "RESTRICTIONS_LIFTED_WITH_CASE", kase.id.toString(),
                        policy.profile().decisionNotifications(), kase.id,
                        "A customer's restrictions have ended", "The case " + kase.id + " (" + kase.department
                                + ") was closed on " + today + " and its " + byCase.get(kase.id).size()
                                + " restriction(s) lifted. Deal with the customer's contact as usual."))
                        .toList())))
                .replaceWithVoid();
    }

    private static List<UUID> ids(List<RestrictionRepository.Lifted> lifted) {
        return lifted.stream().map(RestrictionRepository.Lifted::id).toList();
    }

    /**
     * Ends every restriction still to apply (in force now, or starting later) whose {@code by} column is one of the
     * map's keys, with that key's reasons, and records each one's audit event: one statement for the lot
     * ({@link RestrictionRepository#liftAll}), whether one restriction is lifted or a job's batch of cases.
     */
    private Uni<List<RestrictionRepository.Lifted>> liftAll(Actor actor, RestrictionRepository.LiftBy by,
            Map<UUID, String> reasons) {
        return restrictions.liftAll(by, reasons, clock.today(), actor.subject(), actor.name())
                .call(lifted -> audit.recordAll(actor, "RESTRICTION_LIFTED", AuditEntityType.RESTRICTION,
                        lifted.stream().map(r -> new AuditService.Target(r.id(), r.caseId())).toList(),
                        List.of("lifting", "state")));
    }

    @WithTransaction
    public Uni<RestrictionView> recordFollowUp(Actor actor, UUID id, Long expectedVersion, String summary,
            UUID caseId) {
        return find(id).flatMap(restriction -> {
            ETags.requireCurrent(expectedVersion, restriction.lockVersion);
            if (!restriction.emergency || restriction.followUp != null) {
                throw ProblemException.illegalStep(restriction.emergency
                        ? "This emergency restriction's follow-up assessment is already recorded."
                        : "Only an emergency restriction is followed by an assessment.",
                        allowedSteps(restriction));
            }
            Uni<Void> caseExists = caseId == null ? Uni.createFrom().voidItem()
                    : cases.findOrNull(caseId).invoke(kase -> {
                        if (kase == null || !kase.customerId.equals(restriction.customerId)) {
                            throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE,
                                    "No case of this customer with this id.",
                                    List.of(FieldError.field("/caseId", "no case of this customer with this id")));
                        }
                    }).replaceWithVoid();
            return caseExists.flatMap(ok -> {
                restriction.followUp = new RestrictionEntity.FollowUp(summary, caseId, actor, clock.now());
                return restrictions.flush();
            }).call(() -> audit.record(actor, "FOLLOW_UP_ASSESSMENT_RECORDED", AuditEntityType.RESTRICTION, id,
                    caseId, List.of("followUpAssessment")))
                    .map(flushed -> new RestrictionView(restriction, null));
        });
    }

    @WithSession
    public Uni<RestrictionView> get(UUID id) {
        return find(id).flatMap(restriction -> reviewOn(restriction)
                .map(review -> new RestrictionView(restriction, review)));
    }

    /** A page of the versions of the restriction this one belongs to, oldest first. */
    @WithSession
    public Uni<Page<RestrictionView>> versions(UUID id, String cursor, int limit) {
        return find(id).flatMap(restriction -> {
            // One collection per lineage: a cursor of one restriction's history does not page another's.
            String collection = "restrictions/" + restriction.lineageId + "/versions";
            return restrictions.lineagePage(restriction.lineageId, cursors.decodeSequence(collection, cursor), limit + 1)
                    .flatMap(found -> {
                        Page<RestrictionEntity> page = Page.of(found, limit,
                                r -> cursors.encodeSequence(collection, r.versionNumber));
                        return views(page.items()).map(views -> new Page<>(views, page.nextCursor()));
                    });
        });
    }

    @WithSession
    public Uni<Page<RestrictionView>> list(RestrictionFilter filter, String cursor, int limit) {
        return restrictions.page(filter, clock.today(), cursors.decode("restrictions", cursor), limit + 1).flatMap(found -> {
            Page<RestrictionEntity> page = Page.of(found, limit, r -> cursors.encode("restrictions", r.imposedAt, r.id));
            return views(page.items()).map(views -> new Page<>(views, page.nextCursor()));
        });
    }

    /** The steps a restriction allows today. */
    public List<String> allowedSteps(RestrictionEntity restriction) {
        if (restriction.stateOn(clock.today()) != RestrictionState.ACTIVE) {
            return List.of();
        }
        return restriction.emergency && restriction.followUp == null
                ? List.of(CaseStep.MODIFY_RESTRICTION.name(), CaseStep.LIFT_RESTRICTION.name(),
                        CaseStep.RECORD_FOLLOW_UP_ASSESSMENT.name())
                : List.of(CaseStep.MODIFY_RESTRICTION.name(), CaseStep.LIFT_RESTRICTION.name());
    }

    private void requireActive(RestrictionEntity restriction, CaseStep step) {
        RestrictionState state = restriction.stateOn(clock.today());
        if (state != RestrictionState.ACTIVE) {
            throw ProblemException.illegalStep(step + " is not allowed: the restriction is " + state + ".",
                    allowedSteps(restriction));
        }
    }

    private Uni<RestrictionEntity> guardAndPersist(Actor actor, RestrictionEntity restriction, RestrictionDraft draft,
            UUID replacedLineage, String action) {
        return customers.findOrNull(restriction.customerId).flatMap(customer -> {
            if (customer == null) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No customer with this id.",
                        List.of(FieldError.field("/customerId", "no customer with this id")));
            }
            return restrictions.currentFor(restriction.customerId, draft.startsOn()).flatMap(current -> {
                List<RestrictionEntity> others = current.stream()
                        .filter(other -> replacedLineage == null || !replacedLineage.equals(other.lineageId))
                        .toList();
                RestrictionGuards.check(draft, others, needs(customer));
                return restrictions.persistAndFlush(restriction);
            });
        }).call(saved -> audit.record(actor, action, AuditEntityType.RESTRICTION, saved.id, saved.caseId,
                List.of("terms", "scope", "startsOn", "endsOn", "reasons")));
    }

    private RestrictionEntity newVersion(Actor actor, UUID customerId, RestrictionDraft draft) {
        RestrictionEntity restriction = new RestrictionEntity();
        restriction.id = UUID.randomUUID();
        restriction.lineageId = restriction.id;
        restriction.versionNumber = 1;
        restriction.customerId = customerId;
        restriction.terms = draft.terms();
        restriction.type = draft.terms().typeName();
        restriction.scope = draft.scope();
        restriction.startsOn = draft.startsOn();
        restriction.endsOn = draft.endsOn();
        restriction.effectiveUntil = draft.endsOn();
        restriction.reasons = draft.reasons();
        restriction.statutoryServices = draft.statutoryServicesAffected().toArray(String[]::new);
        restriction.legalBasis = draft.legalBasis();
        restriction.adjustmentsOverride = draft.adjustmentsOverride();
        restriction.imposedBySubject = actor.subject();
        restriction.imposedByName = actor.name();
        restriction.imposedAt = clock.now();
        return restriction;
    }

    private static void checkDates(LocalDate startsOn, LocalDate endsOn) {
        DateOrder.follows("/endsOn", endsOn, "its start", startsOn);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static List<org.ubcs.api.model.CommunicationNeed> needs(CustomerEntity customer) {
        return customer.details().communicationNeeds();
    }

    private Uni<LocalDate> reviewOn(RestrictionEntity restriction) {
        return restriction.caseId == null ? Uni.createFrom().nullItem()
                : cases.findOrNull(restriction.caseId).map(kase -> kase == null ? null : kase.nextReviewOn);
    }

    private Uni<List<RestrictionView>> views(List<RestrictionEntity> found) {
        List<UUID> caseIds = found.stream().map(r -> r.caseId).filter(Objects::nonNull).distinct().toList();
        return cases.nextReviewDates(caseIds).map(reviews -> found.stream()
                .map(r -> new RestrictionView(r, r.caseId == null ? null : reviews.get(r.caseId))).toList());
    }

    private Uni<RestrictionEntity> find(UUID id) {
        return restrictions.findById(id).map(restriction -> {
            if (restriction == null) {
                throw ProblemException.notFound("No restriction with this id.");
            }
            return restriction;
        });
    }
}
