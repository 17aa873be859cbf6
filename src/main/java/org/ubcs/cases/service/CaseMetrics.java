package org.ubcs.cases.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ubcs.api.model.CaseStatus;
import org.ubcs.cases.repository.CaseRepository;
import org.ubcs.problem.Failures;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * {@code ubcs_cases{status}}: how many cases stand at each status, as last counted. A scrape reads the cached counts
 * and never waits for the database; every replica counts for itself, so a dashboard takes the max (not the sum)
 * across replicas. NaN until the first count.
 */
// Created at start-up, so that its series are there (at 0) before the first event.
@Startup
@ApplicationScoped
public class CaseMetrics {

    private static final Logger LOG = Logger.getLogger(CaseMetrics.class);

    @Inject
    CaseRepository cases;

    private volatile Map<CaseStatus, Long> counts;

    CaseMetrics(MeterRegistry registry) {
        for (CaseStatus status : CaseStatus.values()) {
            Gauge.builder("ubcs.cases", this, metrics -> metrics.count(status)).tag("status", status.name())
                    .description("Cases at each status, as counted at most ubcs.metrics.cases-refresh ago")
                    .strongReference(true).register(registry);
        }
    }

    private double count(CaseStatus status) {
        Map<CaseStatus, Long> last = counts;
        return last == null ? Double.NaN : last.getOrDefault(status, 0L);
    }

    /**
     * Counts the cases again. A timer rather than a count on every change: a case's status changes in many steps and
     * jobs, and one GROUP BY every 30 s is cheap; off in tests, which call this themselves.
     */
    @Scheduled(identity = "ubcs-case-metrics", every = "${ubcs.metrics.cases-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return cases.countByStatus().invoke(found -> counts = found).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    // The last counts stay; the next tick tries again.
                    LOG.warnf("Could not count cases by status: %s", Failures.describe(failure));
                    return Uni.createFrom().voidItem();
                });
    }
}
