package org.ubcs.notification.service;

import java.time.LocalDate;
import java.util.List;

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
    public Uni<Void> jobFailed(JobName job, LocalDate on) {
        return notifications.notify("JOB_FAILED", job + ":" + on, List.of(NotificationRecipient.POLICY_OWNER), null,
                "A scheduled job failed: " + job,
                "The scheduled job " + job + " failed on " + on + " and stopped. Work it had not reached waits, so "
                        + "reviews, appeal windows or overdue flags may be late until it runs cleanly. It tries again "
                        + "at its next scheduled time, or when run from the API. The service's log has the error; "
                        + "ask the platform team to look.").replaceWithVoid();
    }
}
