package org.ubcs.register.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * The register's annual review timetable: two jobs, each run by one replica at a time (the job's advisory lock);
 * the task table's unique (entry, due date) is the last guard against a second task.
 */
public final class RegisterReviewJobs {

    private RegisterReviewJobs() {
    }

    @ApplicationScoped
    public static class OpenRegisterReviews implements ScheduledJob {

        @Inject
        RegisterReviewService reviews;

        @Override
        public JobName name() {
            return JobName.OPEN_REGISTER_REVIEWS;
        }

        @Override
        public Uni<Integer> runBatch(Actor actor, Batch batch) {
            return reviews.openDueTasks(actor, batch);
        }
    }

    @ApplicationScoped
    public static class FlagOverdueRegisterReviews implements ScheduledJob {

        @Inject
        RegisterReviewService reviews;

        @Override
        public JobName name() {
            return JobName.FLAG_OVERDUE_REGISTER_REVIEWS;
        }

        @Override
        public Uni<Integer> runBatch(Actor actor, Batch batch) {
            return reviews.flagOverdue(actor, batch);
        }
    }
}
