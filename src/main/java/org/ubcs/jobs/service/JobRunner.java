package org.ubcs.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.ubcs.api.model.JobName;
import org.ubcs.locking.AdvisoryLocks;
import org.ubcs.problem.Failures;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;

/**
 * Schedules every {@link ScheduledJob} from configuration ({@code ubcs.jobs.<name>.cron}, {@code off} to switch it
 * off) and runs it in bounded batches until no due work is left. Every replica fires at the same moment: an exclusive
 * job's batch first takes a transaction-level PostgreSQL advisory lock, and gives way if another replica holds it.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /**
     * Batches are bounded so that a run over a million cases never holds them all in memory: this many items unless
     * the job says otherwise ({@link ScheduledJob#batchSize()}).
     */
    static final int BATCH = 200;
    static final int MAX_BATCHES = 10_000;

    /** At most this many failing items are left out in one run; the next failure stops it. */
    static final int MAX_FAILED_ITEMS = 20;

    /** What a run did; {@code failedItems} were left undone because working on them failed. */
    public record Run(JobName name, int processed, List<UUID> failedItems, Instant startedAt, Instant finishedAt) {
    }

    @Inject
    Instance<ScheduledJob> jobs;

    @Inject
    Scheduler scheduler;

    @Inject
    Config config;

    @Inject
    LondonClock clock;

    @Inject
    Instance<JobFailureListener> failureListeners;

    @Inject
    JobMetrics metrics;

    private final Map<JobName, Run> lastRuns = new ConcurrentHashMap<>();

    void schedule(@Observes StartupEvent start) {
        for (ScheduledJob job : jobs) {
            metrics.register(job.name());
            String cron = schedule(job.name());
            if (!"off".equalsIgnoreCase(cron)) {
                Actor system = new Actor("system:scheduler", "Scheduled job " + job.name());
                // London time, as the council keeps it, whatever the pod's clock zone.
                scheduler.newJob("ubcs-" + key(job.name())).setCron(cron).setTimeZone(LondonClock.LONDON.getId())
                        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                        .setAsyncTask(execution -> run(job.name(), system).replaceWithVoid()).schedule();
            }
        }
    }

    public String schedule(JobName name) {
        return config.getOptionalValue("ubcs.jobs." + key(name) + ".cron", String.class).orElse("off");
    }

    public List<JobName> names() {
        return jobs.stream().map(ScheduledJob::name).sorted().toList();
    }

    public Run lastRun(JobName name) {
        return lastRuns.get(name);
    }

    /**
     * Runs the job now, batch after batch, until it runs out of due work or another replica holds its lock. An item
     * that fails is left out and its batch run again without it, so one bad record does not hold up the rest.
     */
    public Uni<Run> run(JobName name, Actor actor) {
        ScheduledJob job = jobs.stream().filter(j -> j.name() == name).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No job called " + name + "."));
        Instant started = clock.now();
        long startedNanos = System.nanoTime();
        List<UUID> failed = new ArrayList<>();
        return batches(job, actor, failed)
                .call(processed -> failed.isEmpty() ? Uni.createFrom().voidItem() : tell(name, failed, false))
                .map(processed -> {
                    Run run = new Run(name, processed, List.copyOf(failed), started, clock.now());
                    lastRuns.put(name, run);
                    metrics.ran(name, failed.isEmpty() ? JobMetrics.Outcome.COMPLETED
                            : JobMetrics.Outcome.COMPLETED_WITH_FAILED_ITEMS, took(startedNanos), failed.size());
                    if (processed > 0 || !failed.isEmpty()) {
                        LOG.infof("Job %s processed %d items; %d failed", name, processed, failed.size());
                    }
                    return run;
                }).onFailure().recoverWithUni(failure -> {
                    metrics.ran(name, JobMetrics.Outcome.STOPPED, took(startedNanos), failed.size());
                    return stopped(name, failed, failure);
                });
    }

    /** Measured on the monotonic clock, which no clock adjustment moves. */
    private static Duration took(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Batch after batch until one does less than a full batch. A loop ({@code repeat}), not a recursion: a run of
     * thousands of batches must not nest thousands of operators deep.
     */
    private Uni<Integer> batches(ScheduledJob job, Actor actor, List<UUID> failed) {
        AtomicReference<Object> resume = new AtomicReference<>();
        return Uni.createFrom().deferred(() -> batch(job, actor, failed, false, resume)).repeat()
                .whilst(processed -> processed >= job.batchSize()).select().first(MAX_BATCHES)
                .collect().with(Collectors.summingInt(processed -> Math.max(processed, 0)));
    }

    /** One batch; -1 when another replica holds the job's lock. */
    private Uni<Integer> batch(ScheduledJob job, Actor actor, List<UUID> failed, boolean oneByOne,
            AtomicReference<Object> resume) {
        Batch batch = new Batch(job.batchSize(), failed, oneByOne, resume);
        if (!job.exclusive()) {
            return job.runBatch(actor, batch);
        }
        return Panache.withTransaction(() -> Panache.getSession()
                // The rows a batch inserts (audit events above all) go to PostgreSQL in batches at the flush.
                .invoke(session -> session.setBatchSize(batch.limit()))
                .chain(() -> AdvisoryLocks.tryHold("ubcs-job:" + job.name()))
                .flatMap(locked -> locked ? job.runBatch(actor, batch) : Uni.createFrom().item(-1)))
                // The transaction rolled back whole: run the batch again, item by item to find the one it failed
                // on when it did them all at once, else without the item it failed on.
                .onFailure(failure -> (batch.together() || batch.current() != null)
                        && failed.size() < MAX_FAILED_ITEMS)
                .recoverWithUni(failure -> {
                    if (batch.current() == null) {
                        LOG.warnf("Job %s failed on a batch; doing it again item by item: %s", job.name(),
                                Failures.describe(failure));
                        return batch(job, actor, failed, true, resume);
                    }
                    LOG.errorf("Job %s failed on item %s; it is left out of this run: %s", job.name(),
                            batch.current(), Failures.describe(failure));
                    failed.add(batch.current());
                    return batch(job, actor, failed, false, resume);
                });
    }

    /** Tells the policy owner (once a day per job) of the items left undone; a failure to tell is only logged. */
    private Uni<Void> tell(JobName name, List<UUID> failed, boolean stopped) {
        LocalDate today = clock.today();
        Uni<Void> told = Uni.createFrom().voidItem();
        for (JobFailureListener listener : failureListeners) {
            told = told.call(() -> Panache.withTransaction(() -> listener.jobFailed(name, today, failed, stopped)));
        }
        return told.onFailure().recoverWithUni(e -> {
            LOG.errorf("Could not report the failure of job %s: %s", name, Failures.describe(e));
            return Uni.createFrom().voidItem();
        });
    }

    /** The run stopped: on a failure no item explains, or after too many failed items. */
    private Uni<Run> stopped(JobName name, List<UUID> failed, Throwable failure) {
        LOG.errorf("Job %s stopped after %d failed items: %s", name, failed.size(), Failures.describe(failure));
        return tell(name, failed, true).map(nothing -> {
            throw ProblemException.of(ProblemType.JOB_FAILED, "The job " + name + " stopped before it finished; "
                    + "the due work it had not reached waits. The service's log has the error, and the policy owner "
                    + "is told by a JOB_FAILED notification (once a day).");
        });
    }

    private static String key(JobName name) {
        return name.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
