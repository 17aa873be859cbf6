package org.ubcs.retention.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * Removes the personal data whose retention has run out (see {@link RetentionService}); one replica at a time (the
 * job's advisory lock), and idempotent besides.
 */
@ApplicationScoped
public class RemoveExpiredPersonalDataJob implements ScheduledJob {

    @Inject
    RetentionService retention;

    @Override
    public JobName name() {
        return JobName.REMOVE_EXPIRED_PERSONAL_DATA;
    }

    /** Its batches are set-based (a statement per table for the lot), so larger ones cost fewer round trips. */
    @Override
    public int batchSize() {
        return 1000;
    }

    @Override
    public Uni<Integer> runBatch(Actor actor, Batch batch) {
        return retention.removeExpired(actor, batch);
    }
}
