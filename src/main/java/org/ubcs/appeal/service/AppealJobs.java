package org.ubcs.appeal.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AppealState;
import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.api.model.JobName;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.appeal.repository.AppealRepository;
import org.ubcs.audit.service.AuditService;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.cases.domain.DecisionEntity;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.notification.service.NotificationService.OverdueNotice;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.smallrye.mutiny.Uni;

/** The appeal timetable's two jobs. */
public final class AppealJobs {

    private AppealJobs() {
    }

    /**
     * Decisions whose appeal window closed with no appeal live become final. Only decisions become final: an appeal
     * against a register entry plays no part here.
     */
    @ApplicationScoped
    public static class CloseAppealWindows implements ScheduledJob {

        @Inject
        AppealRepository appeals;

        @Inject
        CalendarService calendar;

        @Inject
        AuditService audit;

        @Inject
        ActivePolicy policy;

        @Inject
        LondonClock clock;

        @Override
        public JobName name() {
            return JobName.CLOSE_APPEAL_WINDOWS;
        }

        @Override
        public Uni<Integer> runBatch(Actor actor, Batch batch) {
            LocalDate today = clock.today();
            int window = policy.profile().appealWindowWorkingDays();
            return calendar.current().flatMap(days -> {
                // The last told-on date whose window has closed: the windows are monotonic in that date.
                LocalDate last = today.minusDays(1);
                while (!days.plus(last, window).isBefore(today)) {
                    last = last.minusDays(1);
                }
                LocalDate toldBy = last;
                return appeals.getSession().flatMap(session -> session.createSelectionQuery(
                        "from DecisionEntity d where d.finalOn is null and d.outcome = :applied "
                                + "and d.customerToldOn <= :toldBy and not exists (select 1 from AppealEntity a "
                                + "where a.decisionId = d.id and a.state in :live) and d.id not in :skip "
                                + "order by d.customerToldOn, d.id",
                        DecisionEntity.class)
                        .setParameter("applied", DecisionOutcome.APPLY_POLICY)
                        .setParameter("toldBy", toldBy)
                        .setParameter("live", List.of(AppealState.LATE, AppealState.LODGED))
                        .setParameter("skip", batch.skip())
                        .setMaxResults(batch.limit()).getResultList())
                        .flatMap(closed -> batch.each(closed, decision -> decision.id, decision -> {
                            decision.finalOn = today;
                            return audit.record(actor, "DECISION_FINAL", AuditEntityType.CASE, decision.caseId,
                                    decision.caseId, List.of("decision.finalOn")).call(appeals::flush);
                        }));
            });
        }
    }

    /** Tells the policy owner, once each, of appeals (against decisions or register entries) not decided in time. */
    @ApplicationScoped
    public static class FlagOverdueAppealDecisions implements ScheduledJob {

        @Inject
        AppealRepository appeals;

        @Inject
        NotificationService notifications;

        @Inject
        LondonClock clock;

        @Override
        public JobName name() {
            return JobName.FLAG_OVERDUE_APPEAL_DECISIONS;
        }

        @Override
        public Uni<Integer> runBatch(Actor actor, Batch batch) {
            LocalDate today = clock.today();
            return appeals.find("state = ?1 and decisionDueOn < ?2 and overdueFlaggedOn is null and id not in ?3 "
                    + "order by decisionDueOn, id", AppealState.LODGED, today, batch.skip())
                    .page(0, batch.limit()).list()
                    .flatMap(overdue -> batch.each(overdue, appeal -> appeal.id, appeal -> {
                        appeal.overdueFlaggedOn = today; // flagged once: the query above skips it from now on
                        return notifications.tellPolicyOwnerOfOverdue(new OverdueNotice("APPEAL_DECISION_OVERDUE",
                                appeal.id, appeal.caseId, "An appeal decision is overdue", "The appeal " + appeal.id
                                        + " was due to be decided and the person appealing told by "
                                        + appeal.decisionDueOn + ".")).call(appeals::flush);
                    }));
        }
    }
}
