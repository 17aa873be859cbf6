package org.ubcs.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code ubcs_notifications_total{outcome}}: delivery attempts by what came of them: {@code sent}; {@code retried}
 * (the attempt failed and the notification waits for another); {@code failed} (the last allowed attempt failed: it
 * is FAILED for good). Counted once the result is recorded.
 */
// Created at start-up, so that its series are there (at 0) before the first event.
@Startup
@ApplicationScoped
public class NotificationMetrics {

    /** What came of one delivery attempt. */
    enum Outcome {
        SENT, RETRIED, FAILED
    }

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    NotificationMetrics(MeterRegistry registry) {
        sent = counter(registry, "sent");
        retried = counter(registry, "retried");
        failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("ubcs.notifications").tag("outcome", outcome)
                .description("Notification delivery attempts: sent, retried later, or failed for good")
                .register(registry);
    }

    void attempted(Outcome outcome) {
        (switch (outcome) {
            case SENT -> sent;
            case RETRIED -> retried;
            case FAILED -> failed;
        }).increment();
    }
}
