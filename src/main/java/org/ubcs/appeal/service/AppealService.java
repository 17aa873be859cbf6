package org.ubcs.appeal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AppealOutcome;
import org.ubcs.api.model.AppealState;
import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseStep;
import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.LetterKind;
import org.ubcs.appeal.domain.AppealDeadlines;
import org.ubcs.appeal.domain.AppealDraft;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.appeal.domain.AppealFilter;
import org.ubcs.appeal.repository.AppealRepository;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.calendar.WorkingDayCalendar;
import org.ubcs.calendar.service.CalendarListener;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.DecisionEntity;
import org.ubcs.cases.service.CaseService;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.restriction.service.RestrictionService;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Appeals against decisions to apply the policy, with working-day deadlines (see {@link AppealDeadlines}). The
 * reviewer must hold the appeal-reviewer role and must not have taken part in the decision appealed against.
 */
@ApplicationScoped
public class AppealService implements CalendarListener {

    @Inject
    Cursors cursors;

    @Inject
    AppealRepository appeals;

    @Inject
    CaseService cases;

    @Inject
    RestrictionService restrictions;

    @Inject
    CalendarService calendar;

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

    @WithTransaction
    public Uni<AppealEntity> lodge(Actor actor, AppealDraft draft) {
        DateOrder.happened("/receivedOn", draft.receivedOn(), clock.today());
        if (policy.profile().appealWindowWorkingDays() == 0) {
            throw ProblemException.policyRule("NO_APPEAL_STAGE", "This council's policy has no appeal stage.");
        }
        return cases.findDecision(draft.decisionId()).flatMap(decision -> {
            if (decision == null) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No decision with this id.",
                        List.of(FieldError.field("/decisionId", "no decision with this id")));
            }
            if (decision.outcome != DecisionOutcome.APPLY_POLICY) {
                throw ProblemException.policyRule("NOTHING_TO_APPEAL",
                        "The decision did not apply the policy, so there is nothing to appeal against.");
            }
            DateOrder.follows("/receivedOn", draft.receivedOn(), "the day the customer was told of the decision",
                    decision.customerToldOn);
            return appeals.liveAppealExists(decision.id).flatMap(live -> {
                if (live) {
                    throw ProblemException.policyRule("LIVE_APPEAL_EXISTS",
                            "This decision already has an appeal that is not over.");
                }
                return cases.find(decision.caseId).flatMap(kase -> calendar.current().flatMap(days -> {
                    AppealEntity appeal = new AppealEntity();
                    appeal.id = UUID.randomUUID();
                    appeal.decisionId = decision.id;
                    appeal.caseId = kase.id;
                    appeal.customerId = kase.customerId;
                    appeal.receivedOn = draft.receivedOn();
                    appeal.channel = draft.channel();
                    appeal.grounds = draft.grounds().stream().map(Enum::name).toArray(String[]::new);
                    appeal.text = draft.text();
                    appeal.decisionToldOn = decision.customerToldOn;
                    AppealDeadlines.apply(appeal, days, policy.profile());
                    appeal.lodgedBySubject = actor.subject();
                    appeal.lodgedByName = actor.name();
                    appeal.lodgedAt = clock.now();
                    return appeals.persistAndFlush(appeal).call(() -> audit.record(actor, "APPEAL_LODGED",
                            AuditEntityType.APPEAL, appeal.id, appeal.caseId,
                            List.of("decisionId", "receivedOn", "grounds", "state", "appealBy", "decisionDueOn")))
                            .call(() -> letters.issue(actor, LetterKind.APPEAL_ACKNOWLEDGEMENT, appeal.customerId,
                                    appeal.caseId, new LetterFacts(kase.matter, null, List.of(), null, null, null,
                                            null, appeal.decisionDueOn, appeal.state.name(), false)));
                }));
            });
        });
    }

    @WithTransaction
    public Uni<AppealEntity> acceptLate(Actor actor, UUID id, Long expectedVersion, String reason) {
        return reviewerStep(actor, id, expectedVersion, CaseStep.ACCEPT_LATE_APPEAL, "LATE_APPEAL_ACCEPTED",
                appeal -> calendar.current().map(days -> {
                    appeal.lateAcceptance = new AppealEntity.StepRecord(reason, null, actor, clock.now());
                    appeal.state = AppealState.LODGED;
                    AppealDeadlines.apply(appeal, days, policy.profile());
                    return List.of("lateAcceptance", "state", "decisionDueOn");
                }));
    }

    @WithTransaction
    public Uni<AppealEntity> refuse(Actor actor, UUID id, Long expectedVersion, String reason,
            LocalDate customerToldOn) {
        return reviewerStep(actor, id, expectedVersion, CaseStep.REFUSE_LATE_APPEAL, "LATE_APPEAL_REFUSED",
                appeal -> {
                    checkToldOn(appeal, customerToldOn);
                    appeal.refusal = new AppealEntity.StepRecord(reason, customerToldOn, actor, clock.now());
                    appeal.state = AppealState.REFUSED_OUT_OF_TIME;
                    return tellOutcome(actor, appeal, AppealState.REFUSED_OUT_OF_TIME.name(), reason, true)
                            .replaceWith(List.of("refusal", "state"));
                });
    }

    @WithTransaction
    public Uni<AppealEntity> decide(Actor actor, UUID id, Long expectedVersion, AppealOutcome outcome,
            String reasons, LocalDate customerToldOn) {
        return reviewerStep(actor, id, expectedVersion, CaseStep.DECIDE_APPEAL, "APPEAL_DECIDED", appeal -> {
            checkToldOn(appeal, customerToldOn);
            Uni<List<UUID>> lifted = outcome == AppealOutcome.UPHELD
                    ? restrictions.liftAllUnderDecision(actor, appeal.decisionId, "Appeal upheld: " + reasons)
                    : Uni.createFrom().item(List.of());
            return lifted.map(ids -> {
                appeal.outcome = new AppealEntity.Outcome(outcome, reasons, customerToldOn, actor, clock.now(), ids);
                appeal.state = AppealState.DECIDED;
                return List.<String>of("outcome", "state");
            }).call(changed -> tellOutcome(actor, appeal, outcome.name(), reasons,
                    outcome != AppealOutcome.UPHELD))
                    .call(changed -> notifications.notify("APPEAL_OUTCOME", appeal.id.toString(),
                            policy.profile().decisionNotifications(), appeal.caseId, "The outcome of an appeal",
                            "The appeal on case " + appeal.caseId + " was " + outcome.name().toLowerCase()
                                    + (outcome == AppealOutcome.UPHELD ? ": the customer's restrictions are lifted."
                                            : ". Check the service for the restrictions now in force.")));
        });
    }

    @WithTransaction
    public Uni<AppealEntity> withdraw(Actor actor, UUID id, Long expectedVersion, String reason) {
        return find(id).flatMap(appeal -> {
            ETags.requireCurrent(expectedVersion, appeal.version);
            require(appeal, CaseStep.WITHDRAW_APPEAL);
            appeal.withdrawal = new AppealEntity.StepRecord(reason, null, actor, clock.now());
            appeal.state = AppealState.WITHDRAWN;
            return appeals.flush().call(() -> audit.record(actor, "APPEAL_WITHDRAWN", AuditEntityType.APPEAL, id,
                    appeal.caseId, List.of("withdrawal", "state"))).replaceWith(appeal);
        });
    }

    @WithSession
    public Uni<AppealEntity> get(UUID id) {
        return find(id);
    }

    @WithSession
    public Uni<Page<AppealEntity>> list(AppealFilter filter, String cursor, int limit) {
        LocalDate today = clock.today();
        Uni<LocalDate> dueBy = filter.dueWithinWorkingDays() == null ? Uni.createFrom().nullItem()
                : calendar.current().map(days -> days.plus(today, filter.dueWithinWorkingDays()));
        return dueBy.flatMap(cutoff -> appeals.page(filter.state(), filter.caseId(), cutoff,
                Boolean.TRUE.equals(filter.overdue()) ? today : null, cursors.decode("appeals", cursor), limit + 1))
                .map(found -> Page.of(found, limit, a -> cursors.encode("appeals", a.lodgedAt, a.id)));
    }

    /** A decision with its appeal deadline (null without an appeal stage) and whether the window is open. */
    public record DecisionWindow(DecisionEntity decision, UUID customerId, LocalDate appealBy, boolean open) {
    }

    @WithSession
    public Uni<Page<DecisionWindow>> decisions(UUID caseId, Boolean windowOpen, String cursor, int limit) {
        LocalDate today = clock.today();
        int window = policy.profile().appealWindowWorkingDays();
        // A window of n working days spans at most n weeks and a fortnight of holidays: older ones are closed.
        LocalDate toldSince = Boolean.TRUE.equals(windowOpen) ? today.minusWeeks(window + 2L) : null;
        return cases.appliedDecisions(caseId, toldSince, cursor, limit).flatMap(page -> calendar.current()
                .flatMap(days -> cases.customersOf(page.items().stream().map(d -> d.caseId).toList())
                        .map(customers -> {
                            List<DecisionWindow> windows = new ArrayList<>();
                            for (DecisionEntity d : page.items()) {
                                LocalDate appealBy = window == 0 ? null : days.plus(d.customerToldOn, window);
                                boolean open = appealBy != null && !appealBy.isBefore(today);
                                if (windowOpen == null || windowOpen == open) {
                                    windows.add(new DecisionWindow(d, customers.get(d.caseId), appealBy, open));
                                }
                            }
                            return new Page<>(windows, page.nextCursor());
                        })));
    }

    /** Open appeals follow a change of the active region's calendar; see {@link AppealDeadlines}. */
    @Override
    public Uni<Integer> calendarChanged(Actor actor, HolidayRegion region, WorkingDayCalendar days) {
        if (region != policy.profile().holidayRegion()) {
            return Uni.createFrom().item(0);
        }
        return appeals.open().flatMap(open -> {
            List<AppealEntity> changed = open.stream()
                    .filter(appeal -> AppealDeadlines.apply(appeal, days, policy.profile())).toList();
            Uni<Void> audited = appeals.flush();
            for (AppealEntity appeal : changed) {
                audited = audited.call(() -> audit.record(actor, "APPEAL_DEADLINES_RECOMPUTED",
                        AuditEntityType.APPEAL, appeal.id, appeal.caseId, List.of("appealBy", "decisionDueOn",
                                "state")));
            }
            return audited.replaceWith(changed.size());
        });
    }

    /** The appeal-outcome letter; after a refusal or an appeal that did not succeed it names the Ombudsman. */
    private Uni<UUID> tellOutcome(Actor actor, AppealEntity appeal, String outcome, String why, boolean ombudsman) {
        return letters.issue(actor, LetterKind.APPEAL_OUTCOME, appeal.customerId, appeal.caseId,
                new LetterFacts(null, why, List.of(), null, null, null, null, null, outcome, ombudsman));
    }

    public List<String> allowedSteps(AppealEntity appeal) {
        return switch (appeal.state) {
            case LATE -> List.of(CaseStep.ACCEPT_LATE_APPEAL.name(), CaseStep.REFUSE_LATE_APPEAL.name(),
                    CaseStep.WITHDRAW_APPEAL.name());
            case LODGED -> List.of(CaseStep.DECIDE_APPEAL.name(), CaseStep.WITHDRAW_APPEAL.name());
            default -> List.of();
        };
    }

    private Uni<AppealEntity> reviewerStep(Actor actor, UUID id, Long expectedVersion, CaseStep step, String action,
            Function<AppealEntity, Uni<List<String>>> change) {
        return find(id).flatMap(appeal -> {
            ETags.requireCurrent(expectedVersion, appeal.version);
            require(appeal, step);
            return requireIndependent(actor, appeal).flatMap(independent -> change.apply(appeal))
                    .call(changed -> appeals.flush())
                    .call(changed -> audit.record(actor, action, AuditEntityType.APPEAL, id, appeal.caseId, changed))
                    .replaceWith(appeal);
        });
    }

    /** Whoever referred, assessed, held the case conference on or decided the case may not review its appeal. */
    private Uni<Void> requireIndependent(Actor reviewer, AppealEntity appeal) {
        return cases.find(appeal.caseId).flatMap(kase -> cases.findDecision(appeal.decisionId).invoke(decision -> {
            if (participants(kase, decision).contains(reviewer.subject())) {
                throw ProblemException.policyRule("REVIEWER_TOOK_PART",
                        "The reviewer took part in the decision appealed against; another reviewer must decide.");
            }
        })).replaceWithVoid();
    }

    private static Set<String> participants(CaseEntity kase, DecisionEntity decision) {
        Set<String> subjects = new HashSet<>();
        subjects.add(kase.referredBySubject);
        subjects.add(decision.decidedBySubject);
        if (kase.assessment != null) {
            subjects.add(kase.assessment.assessedBy().subject());
        }
        if (kase.caseConference != null) {
            subjects.add(kase.caseConference.recordedBy().subject());
        }
        if (kase.preconditions != null) {
            subjects.add(kase.preconditions.recordedBy().subject());
        }
        return subjects;
    }

    private void checkToldOn(AppealEntity appeal, LocalDate customerToldOn) {
        DateOrder.happened("/customerToldOn", customerToldOn, clock.today());
        DateOrder.follows("/customerToldOn", customerToldOn, "the appeal's receipt", appeal.receivedOn);
    }

    private void require(AppealEntity appeal, CaseStep step) {
        List<String> allowed = allowedSteps(appeal);
        if (!allowed.contains(step.name())) {
            throw ProblemException.illegalStep(step + " is not allowed while the appeal is " + appeal.state + ".",
                    allowed);
        }
    }

    private Uni<AppealEntity> find(UUID id) {
        return appeals.findById(id).map(appeal -> {
            if (appeal == null) {
                throw ProblemException.notFound("No appeal with this id.");
            }
            return appeal;
        });
    }
}
