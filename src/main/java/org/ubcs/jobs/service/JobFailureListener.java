package org.ubcs.jobs.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.JobName;

import io.smallrye.mutiny.Uni;

/**
 * Told, in a transaction of its own, when a job's run left items undone (they failed) or stopped, so that a person
 * hears of it. The notification capability implements it; jobs know none of the capabilities.
 */
public interface JobFailureListener {

    /** @param failedItems the ids of the items that failed; empty when the run stopped on a failure of its own */
    Uni<Void> jobFailed(JobName job, LocalDate on, List<UUID> failedItems);
}
