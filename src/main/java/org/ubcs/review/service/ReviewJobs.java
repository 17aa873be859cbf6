package org.ubcs.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/** The review timetable's two jobs. */
public final class ReviewJobs {

    private ReviewJobs() {
    }

    @ApplicationScoped
    public static class OpenReviewTasks implements ScheduledJob {

        @Inject
        ReviewService reviews;

        @Override
        public JobName name() {
            return JobName.OPEN_REVIEW_TASKS;
        }

        /**
         * Its batches are set-based, and each selection walks past the cases whose tasks are already open (they keep
         * their review date until the outcome), so fewer, larger batches cost less.
         */
        @Override
        public int batchSize() {
            return 1000;
        }

        @Override
        public Uni<Integer> runBatch(Actor actor, Batch batch) {
            return reviews.openDueTasks(actor, batch);
        }
    }

    @ApplicationScoped
    public static class HandleOverdueReviews implements ScheduledJob {

        @Inject
        ReviewService reviews;

        @Override
        public JobName name() {
            return JobName.HANDLE_OVERDUE_REVIEWS;
        }

        /** Its batches are set-based: a batch of 1,000 lapses costs the same few statements per table as one of 200. */
        @Override
        public int batchSize() {
            return 1000;
        }

        @Override
        public Uni<Integer> runBatch(Actor actor, Batch batch) {
            return reviews.handleOverdue(actor, batch);
        }
    }
}
