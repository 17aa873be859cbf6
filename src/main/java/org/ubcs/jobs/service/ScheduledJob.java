package org.ubcs.jobs.service;

import org.ubcs.api.model.JobName;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * A job on the policy's timetable. Adding one: implement this as an {@code @ApplicationScoped} bean in the capability
 * that owns the work, add its name to the contract's {@code JobName}, and set {@code ubcs.jobs.<name>.cron}.
 * <p>
 * A batch must be idempotent (it selects only work not yet done, and marks what it does), so running it again, or on
 * another replica at the same moment, changes nothing more.
 */
public interface ScheduledJob {

    JobName name();

    /**
     * Does up to {@code batch.limit()} items of due work, leaving out {@code batch.skip()}, each through
     * {@code batch.each} (which flushes nothing itself: the work writes its item before it completes); returns how
     * many it did. When {@link #exclusive()}, it runs inside a transaction that holds the job's advisory lock;
     * otherwise it manages its own transactions and failures.
     */
    Uni<Integer> runBatch(Actor actor, Batch batch);

    /**
     * How many items one batch (one transaction) holds at most. A job that works on a batch set-based, a statement
     * per table for the lot, may take more than the default: each batch then costs the same few round trips and one
     * selection query, however many items it holds.
     */
    default int batchSize() {
        return JobRunner.BATCH;
    }

    /** Whether one replica at a time runs it (the default); a job that claims rows itself may run everywhere. */
    default boolean exclusive() {
        return true;
    }
}
