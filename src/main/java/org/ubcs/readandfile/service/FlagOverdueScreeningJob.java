package org.ubcs.readandfile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.notification.service.NotificationService.OverdueNotice;
import org.ubcs.readandfile.repository.ReadAndFileRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.smallrye.mutiny.Uni;

/** Tells the policy owner, once each, of filed correspondence not screened by its due date. */
@ApplicationScoped
public class FlagOverdueScreeningJob implements ScheduledJob {

    @Inject
    ReadAndFileRepository items;

    @Inject
    NotificationService notifications;

    @Inject
    LondonClock clock;

    @Override
    public JobName name() {
        return JobName.FLAG_OVERDUE_SCREENING;
    }

    @Override
    public Uni<Integer> runBatch(Actor actor, Batch batch) {
        var today = clock.today();
        return items.find("not screened and dueOn < ?1 and overdueFlaggedOn is null and id not in ?2 "
                + "order by dueOn, id", today, batch.skip())
                .page(0, batch.limit()).list().flatMap(overdue -> batch.each(overdue, item -> item.id, item -> {
                    item.overdueFlaggedOn = today; // flagged once: the query above skips it from now on
                    return notifications.tellPolicyOwnerOfOverdue(new OverdueNotice("SCREENING_OVERDUE", item.id,
                            item.caseId, "Filed correspondence is waiting to be screened",
                            "Correspondence filed on " + item.receivedAt + " was due to be screened by " + item.dueOn
                                    + ". Screen it for anything new or any safeguarding concern."))
                            .call(items::flush);
                }));
    }
}
