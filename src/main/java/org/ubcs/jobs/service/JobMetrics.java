package org.ubcs.jobs.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.JobName;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Timer;

/**
 * The jobs' runs on this replica, labelled by job name only: {@code ubcs_job_runs_total{job,outcome}},
 * {@code ubcs_job_duration_seconds{job}} and {@code ubcs_job_items_failed_total{job}}. Every job's series exist from
 * start-up (at 0), so an alert on a rate or a missing run has a series to look at.
 */
// Created at start-up, so that its series are there (at 0) before the first event.
@Startup
@ApplicationScoped
public class JobMetrics {

    /** How a run ended. */
    enum Outcome {
        /** it ran out of due work with no item failing (or gave way to the replica holding its lock) */
        COMPLETED("completed"),
        /** it ran out of due work, leaving out items that failed */
        COMPLETED_WITH_FAILED_ITEMS("completed_with_failed_items"),
        /** it stopped before it finished: a failure no item explains, or one failed item too many */
        STOPPED("stopped");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers a job's series at 0. */
    void register(JobName job) {
        for (Outcome outcome : Outcome.values()) {
            runs(job, outcome);
        }
        duration(job);
        itemsFailed(job);
    }

    void ran(JobName job, Outcome outcome, Duration took, int failedItems) {
        runs(job, outcome).increment();
        duration(job).record(took);
        itemsFailed(job).increment(failedItems);
    }

    private Counter runs(JobName job, Outcome outcome) {
        return Counter.builder("ubcs.job.runs").tag("job", job.name()).tag("outcome", outcome.label)
                .description("Runs of each scheduled job on this replica, by how they ended").register(registry);
    }

    private Timer duration(JobName job) {
        return Timer.builder("ubcs.job.duration").tag("job", job.name())
                .description("How long each scheduled job's runs took on this replica").register(registry);
    }

    private Counter itemsFailed(JobName job) {
        return Counter.builder("ubcs.job.items.failed").tag("job", job.name())
                .description("Items a scheduled job could not process and left out of its run").register(registry);
    }
}
