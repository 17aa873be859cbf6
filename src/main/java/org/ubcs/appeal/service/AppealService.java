package org.ubcs.appeal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;
import org.ubcs.api.model.AppealOutcome;
import org.ubcs.api.model.AppealState;
import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseStep;
import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.RegisterEntryState;
import org.ubcs.api.model.RegisterRemovalReason;
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
import org.ubcs.register.domain.Telling;
import org.ubcs.register.service.RegisterService;
import org.ubcs.restriction.service.RestrictionService;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Appeals against decisions to apply the policy, and against entries on the register of potentially dangerous persons
 * and properties, with working-day deadlines (see {@link AppealDeadlines}). The reviewer must hold the
 * appeal-reviewer role and must not have taken part in what is appealed against.
 */
@ApplicationScoped
public class AppealService implements CalendarListener {

    @Inject
    Cursors cursors;

    @Inject
    AppealMetrics metrics;

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

    @Inject
    RegisterService register;

    @WithTransaction
    public Uni<AppealEntity> lodge(Actor actor, AppealDraft draft) {
        requireOneAppealedAgainst(draft);
        DateOrder.happened("/receivedOn", draft.receivedOn(), clock.today());
        return draft.registerEntryId() != null ? lodgeAgainstEntry(actor, draft) : lodgeAgainstDecision(actor, draft);
    }

    /** 400 naming both fields unless the appeal is against exactly one of a decision and a register entry. */
    private static void requireOneAppealedAgainst(AppealDraft draft) {
        boolean neither = draft.decisionId() == null && draft.registerEntryId() == null;
        if (neither || draft.decisionId() != null && draft.registerEntryId() != null) {
            String message = neither ? "give decisionId or registerEntryId"
                    : "give decisionId or registerEntryId, not both";
            throw ProblemException.invalid(List.of(FieldError.field("/decisionId", message),
                    FieldError.field("/registerEntryId", message)));
        }
    }

    private Uni<AppealEntity> lodgeAgainstDecision(Actor actor, AppealDraft draft) {
        if (AppealDeadlines.window(false, policy.profile()) == 0) {
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
            return cases.find(decision.caseId).flatMap(kase -> {
                AppealEntity appeal = newAppeal(actor, draft);
                appeal.decisionId = decision.id;
                appeal.caseId = kase.id;
                appeal.customerId = kase.customerId;
                appeal.decisionToldOn = decision.customerToldOn;
                return record(actor, appeal, kase.matter);
            });
        });
    }

    /**
     * An appeal by the person an entry in force is about. Its window runs from the day they were told of the entry;
     * if they were not told (they learnt of it some other way), from the day it was received, so it is never late.
     */
    private Uni<AppealEntity> lodgeAgainstEntry(Actor actor, AppealDraft draft) {
        // 422, not the register's 404: POST /appeals exists everywhere; only this kind of appeal does not.
        if (!policy.profile().registerUsed()) {
            throw ProblemException.policyRule("REGISTER_NOT_USED", "This council's policy keeps no register of "
                    + "potentially dangerous persons and properties, so there is no entry to appeal against.",
                    List.of(FieldError.field("/registerEntryId", "the register is not used")));
        }
        if (AppealDeadlines.window(true, policy.profile()) == 0) {
            throw ProblemException.policyRule("NO_APPEAL_STAGE", "This council's register has no appeal stage.");
        }
        return register.findOrNull(draft.registerEntryId()).flatMap(entry -> {
            if (entry == null) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No register entry with this id.",
                        List.of(FieldError.field("/registerEntryId", "no register entry with this id")));
            }
            if (entry.state != RegisterEntryState.APPROVED) {
                throw ProblemException.policyRule("NOTHING_TO_APPEAL", "The entry is not in force (a draft not yet "
                        + "approved, or removed), so there is nothing to appeal against.");
            }
            return register.version(entry.inForceVersionId).flatMap(inForce -> {
                Telling telling = entry.telling;
                boolean told = telling != null && telling.told();
                if (told) {
                    DateOrder.follows("/receivedOn", draft.receivedOn(), "the day the person was told of the entry",
                            telling.toldOn());
                } else {
                    DateOrder.follows("/receivedOn", draft.receivedOn(), "the day the entry was approved",
                            LocalDate.ofInstant(inForce.approvedAt, LondonClock.LONDON));
                }
                AppealEntity appeal = newAppeal(actor, draft);
                appeal.registerEntryId = entry.id;
                appeal.customerId = entry.customerId;
                appeal.decisionToldOn = told ? telling.toldOn() : draft.receivedOn();
                return record(actor, appeal, null);
            });
        });
    }

    private AppealEntity newAppeal(Actor actor, AppealDraft draft) {
        AppealEntity appeal = new AppealEntity();
        appeal.id = UUID.randomUUID();
        appeal.receivedOn = draft.receivedOn();
        appeal.channel = draft.channel();
        appeal.grounds = draft.grounds().stream().map(Enum::name).toArray(String[]::new);
        appeal.text = draft.text();
        appeal.lodgedBySubject = actor.subject();
        appeal.lodgedByName = actor.name();
        appeal.lodgedAt = clock.now();
        return appeal;
    }

    /**
     * Stores a new appeal, unless what it is against already has a live one, with its deadlines; audits it and writes
     * the acknowledgement to the person appealing.
     */
    private Uni<AppealEntity> record(Actor actor, AppealEntity appeal, String matter) {
        return appeals.liveAppealExists(appeal).flatMap(live -> {
            if (live) {
                throw liveAppealExists(appeal);
            }
            return calendar.current();
        }).flatMap(days -> {
            AppealDeadlines.apply(appeal, days, policy.profile());
            return appeals.persistAndFlush(appeal)
                    // Lodged twice at once: the check above saw neither, the database's unique index refuses one.
                    .onFailure(AppealService::breaksOneLiveAppeal).transform(e -> liveAppealExists(appeal))
                    .call(() -> audit.record(actor, "APPEAL_LODGED", AuditEntityType.APPEAL, appeal.id, appeal.caseId,
                            List.of(appeal.registerEntryId != null ? "registerEntryId" : "decisionId", "receivedOn",
                                    "grounds", "state", "appealBy", "decisionDueOn")))
                    .call(() -> letter(actor, appeal, LetterKind.APPEAL_ACKNOWLEDGEMENT, new LetterFacts(matter, null,
                            List.of(), null, null, null, null, appeal.decisionDueOn, appeal.state.name(), false)));
        });
    }

    private static ProblemException liveAppealExists(AppealEntity appeal) {
        return ProblemException.policyRule("LIVE_APPEAL_EXISTS", (appeal.registerEntryId != null
                ? "This register entry" : "This decision") + " already has an appeal that is not over.");
    }

    /** The database refused a second live appeal against the same decision or entry (V3, V11). */
    private static boolean breaksOneLiveAppeal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().startsWith("appeal_one_live")) {
                return true;
            }
        }
        return false;
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

    /** Decides the appeal; its transaction is opened here, not by an annotation, so it is counted after commit. */
    public Uni<AppealEntity> decide(Actor actor, UUID id, Long expectedVersion, AppealOutcome outcome,
            String reasons, LocalDate customerToldOn) {
        return Panache.withTransaction(() -> reviewerStep(actor, id, expectedVersion, CaseStep.DECIDE_APPEAL,
                "APPEAL_DECIDED", appeal -> decision(actor, appeal, outcome, reasons, customerToldOn)))
                .invoke(metrics::decided);
    }

    private Uni<List<String>> decision(Actor actor, AppealEntity appeal, AppealOutcome outcome, String reasons,
            LocalDate customerToldOn) {
        checkToldOn(appeal, customerToldOn);
        Uni<List<UUID>> lifted = outcome == AppealOutcome.UPHELD ? undo(actor, appeal, reasons)
                : Uni.createFrom().item(List.of());
        return lifted.map(ids -> {
            appeal.outcome = new AppealEntity.Outcome(outcome, reasons, customerToldOn, actor, clock.now(), ids);
            appeal.state = AppealState.DECIDED;
            return List.<String>of("outcome", "state");
        }).call(changed -> tellOutcome(actor, appeal, outcome.name(), reasons, outcome != AppealOutcome.UPHELD))
                .call(changed -> notifyOutcome(appeal, outcome));
    }

    /**
     * What an upheld appeal undoes, in this transaction: the decision's restrictions are lifted (their ids are
     * returned), or the entry leaves the register and so every lookup.
     */
    private Uni<List<UUID>> undo(Actor actor, AppealEntity appeal, String reasons) {
        if (appeal.registerEntryId == null) {
            return restrictions.liftAllUnderDecision(actor, appeal.decisionId, "Appeal upheld: " + reasons);
        }
        return register.find(appeal.registerEntryId).flatMap(entry -> entry.state == RegisterEntryState.REMOVED
                // Removed meanwhile for another reason: it is off the register already; the outcome is recorded.
                ? Uni.createFrom().voidItem()
                : register.removeEntry(actor, entry, RegisterRemovalReason.APPEAL_UPHELD, reasons).replaceWithVoid())
                .replaceWith(List.<UUID>of());
    }

    /** Tells those the profile names of an appeal's outcome, by ids only: notifications carry no personal data. */
    private Uni<Integer> notifyOutcome(AppealEntity appeal, AppealOutcome outcome) {
        String decided = outcome.name().toLowerCase(Locale.ROOT);
        if (appeal.registerEntryId != null) {
            return notifications.notify("APPEAL_OUTCOME", appeal.id.toString(), register.settings().notifications(),
                    null, "The outcome of an appeal", "The appeal against entry " + appeal.registerEntryId
                            + " on the register of potentially dangerous persons and properties was " + decided
                            + switch (outcome) {
                                case UPHELD -> ": the entry is removed and its precautions no longer apply.";
                                case VARIED -> ": the entry is to be amended; its precautions apply until the "
                                        + "amended version is approved.";
                                case DISMISSED -> ": the entry stays in force.";
                            });
        }
        return notifications.notify("APPEAL_OUTCOME", appeal.id.toString(), policy.profile().decisionNotifications(),
                appeal.caseId, "The outcome of an appeal", "The appeal on case " + appeal.caseId + " was " + decided
                        + (outcome == AppealOutcome.UPHELD ? ": the customer's restrictions are lifted."
                                : ". Check the service for the restrictions now in force."));
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
    /** The customer's appeals not under a case (against a register entry), oldest first, in the caller's session. */
    public Uni<List<AppealEntity>> ofCustomerOutsideCases(UUID customerId) {
        return appeals.list("customerId = ?1 and caseId is null order by lodgedAt, id", customerId);
    }

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
        return letter(actor, appeal, LetterKind.APPEAL_OUTCOME,
                new LetterFacts(null, why, List.of(), null, null, null, null, null, outcome, ombudsman));
    }

    /**
     * A letter to the person appealing: the case's customer, or the person the register entry is about (a customer
     * on record or not, by the entry's details; never tied to a case).
     */
    private Uni<UUID> letter(Actor actor, AppealEntity appeal, LetterKind kind, LetterFacts facts) {
        if (appeal.registerEntryId == null) {
            return letters.issue(actor, kind, appeal.customerId, appeal.caseId, facts);
        }
        return register.find(appeal.registerEntryId)
                .flatMap(entry -> register.writeToPerson(actor, entry, kind, facts));
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

    /**
     * Whoever referred, assessed, held the case conference on or decided the case may not review its appeal; nor may
     * anyone who wrote or approved any version of a register entry review an appeal against it.
     */
    private Uni<Void> requireIndependent(Actor reviewer, AppealEntity appeal) {
        Uni<Set<String>> tookPart = appeal.registerEntryId != null
                ? register.writersAndApprovers(appeal.registerEntryId)
                : cases.find(appeal.caseId).flatMap(kase -> cases.findDecision(appeal.decisionId)
                        .map(decision -> participants(kase, decision)));
        return tookPart.invoke(subjects -> {
            if (subjects.contains(reviewer.subject())) {
                throw ProblemException.policyRule("REVIEWER_TOOK_PART", appeal.registerEntryId != null
                        ? "The reviewer wrote or approved the register entry appealed against; another reviewer must "
                                + "decide."
                        : "The reviewer took part in the decision appealed against; another reviewer must decide.");
            }
        }).replaceWithVoid();
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
