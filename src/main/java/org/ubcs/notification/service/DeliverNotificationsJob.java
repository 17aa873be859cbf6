package org.ubcs.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/** Sends due notifications. It claims rows itself, so every replica may deliver at once. */
@ApplicationScoped
public class DeliverNotificationsJob implements ScheduledJob {

    @Inject
    NotificationService notifications;

    @Override
    public JobName name() {
        return JobName.DELIVER_NOTIFICATIONS;
    }

    @Override
    public boolean exclusive() {
        return false;
    }

    @Override
    public Uni<Integer> runBatch(Actor actor, Batch batch) {
        // Each notification keeps its own attempts and errors: a failing one never holds up the rest.
        return notifications.deliverDue(batch.limit());
    }
}
