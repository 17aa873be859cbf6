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

    /**
     * @param failedItems the ids of the items that failed and were left undone
     * @param stopped whether the run stopped before it finished (too many failed items, or a failure no item
     *        explains), leaving due work it had not reached
     */
    Uni<Void> jobFailed(JobName job, LocalDate on, List<UUID> failedItems, boolean stopped);
}
