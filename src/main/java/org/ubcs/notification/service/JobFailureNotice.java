package org.ubcs.notification.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.jobs.service.JobFailureListener;

import io.smallrye.mutiny.Uni;

/** Tells the policy owner that a scheduled job failed: at most once a day per job, however often it is retried. */
@ApplicationScoped
public class JobFailureNotice implements JobFailureListener {

    @Inject
    NotificationService notifications;

    @Override
    public Uni<Void> jobFailed(JobName job, LocalDate on, List<UUID> failedItems, boolean stopped) {
        String items = failedItems.isEmpty() ? ""
                : " It could not process " + failedItems.size() + " item(s) (ids " + failedItems + ").";
        String what = stopped
                ? "stopped before it finished on " + on + "." + items + " Due work it had not reached waits"
                : "ran on " + on + " but left items undone." + items + " It did the rest";
        return notifications.notify("JOB_FAILED", job + ":" + on, List.of(NotificationRecipient.POLICY_OWNER), null,
                "A scheduled job failed: " + job,
                "The scheduled job " + job + " " + what + ". Until it runs cleanly, reviews, appeal windows or overdue "
                        + "flags may be late. It tries again at its next scheduled time, or when run from the API. "
                        + "The service's log has the error; ask the platform team to look.").replaceWithVoid();
    }
}
