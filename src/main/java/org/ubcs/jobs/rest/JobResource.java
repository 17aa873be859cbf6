package org.ubcs.jobs.rest;

import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.JobsApi;
import org.ubcs.api.model.Job;
import org.ubcs.api.model.JobList;
import org.ubcs.api.model.JobName;
import org.ubcs.api.model.JobRun;
import org.ubcs.jobs.service.JobRunner;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JobResource implements JobsApi {

    @Inject
    JobRunner runner;

    @Inject
    CurrentUser user;

    @Override
    @RolesAllowed({ Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> listJobs() {
        return Uni.createFrom().item(() -> Response.ok(new JobList(runner.names().stream().map(name -> {
            String schedule = runner.schedule(name);
            Job job = new Job(name, schedule, !"off".equalsIgnoreCase(schedule));
            job.setLastRun(toApi(runner.lastRun(name)));
            return job;
        }).toList())).build());
    }

    @Override
    @RolesAllowed(Roles.POLICY_OWNER)
    public Uni<Response> runJob(JobName jobName) {
        return runner.run(jobName, user.actor()).map(run -> Response.ok(toApi(run)).build());
    }

    private static JobRun toApi(JobRunner.Run run) {
        return run == null ? null : new JobRun(run.name(), run.processed(), run.failedItems(),
                run.startedAt().atOffset(ZoneOffset.UTC), run.finishedAt().atOffset(ZoneOffset.UTC));
    }
}
