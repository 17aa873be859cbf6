package org.ubcs.jobs.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.ubcs.api.model.JobName;
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

    /** Batches are bounded so that a run over a million cases never holds them all in memory. */
    static final int BATCH = 200;
    static final int MAX_BATCHES = 10_000;

    /** What a run did. */
    public record Run(JobName name, int processed, Instant startedAt, Instant finishedAt) {
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

    private final Map<JobName, Run> lastRuns = new ConcurrentHashMap<>();

    void schedule(@Observes StartupEvent start) {
        for (ScheduledJob job : jobs) {
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

    /** Runs the job now, batch after batch, until it runs out of due work or another replica holds its lock. */
    public Uni<Run> run(JobName name, Actor actor) {
        ScheduledJob job = jobs.stream().filter(j -> j.name() == name).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No job called " + name + "."));
        Instant started = clock.now();
        return batches(job, actor, 0, 0).map(processed -> {
            Run run = new Run(name, processed, started, clock.now());
            lastRuns.put(name, run);
            if (processed > 0) {
                LOG.infof("Job %s processed %d items", name, processed);
            }
            return run;
        }).onFailure().recoverWithUni(failure -> failed(name, failure));
    }

    /**
     * A failed batch rolls back and the run stops, so the work behind the failing item waits: the policy owner is
     * told (once a day per job), and the caller gets a problem rather than a bare 500.
     */
    private Uni<Run> failed(JobName name, Throwable failure) {
        // Only the type: a message may quote stored values.
        LOG.errorf("Job %s failed: %s", name, failure.getClass().getName());
        LocalDate today = clock.today();
        Uni<Void> told = Uni.createFrom().voidItem();
        for (JobFailureListener listener : failureListeners) {
            told = told.call(() -> Panache.withTransaction(() -> listener.jobFailed(name, today)));
        }
        return told.onFailure().invoke(e -> LOG.errorf("Could not report the failure of job %s: %s", name,
                e.getClass().getName())).onFailure().recoverWithNull()
                .map(nothing -> {
                    throw ProblemException.of(ProblemType.JOB_FAILED, "The job " + name + " stopped at an item it "
                            + "could not process; the due work it had not reached waits. The policy owner has been "
                            + "told, and the service's log has the error.");
                });
    }

    private Uni<Integer> batches(ScheduledJob job, Actor actor, int done, int batch) {
        return batch(job, actor).flatMap(processed -> processed < BATCH || batch + 1 >= MAX_BATCHES
                ? Uni.createFrom().item(done + Math.max(processed, 0))
                : batches(job, actor, done + processed, batch + 1));
    }

    /** One batch; -1 when another replica holds the job's lock. */
    private Uni<Integer> batch(ScheduledJob job, Actor actor) {
        if (!job.exclusive()) {
            return job.runBatch(actor, BATCH);
        }
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:job))", Boolean.class)
                .setParameter("job", "ubcs-job:" + job.name()).getSingleResult())
                .flatMap(locked -> locked ? job.runBatch(actor, BATCH) : Uni.createFrom().item(-1)));
    }

    private static String key(JobName name) {
        return name.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
