package org.ubcs.jobs.service;

import java.time.LocalDate;

import org.ubcs.api.model.JobName;

import io.smallrye.mutiny.Uni;

/**
 * Told, in a transaction of its own, when a job's run fails, so that a person hears of it: due work behind the item
 * that failed waits until the job runs cleanly. The notification capability implements it; jobs know none.
 */
public interface JobFailureListener {

    Uni<Void> jobFailed(JobName job, LocalDate on);
}
