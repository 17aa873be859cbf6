package org.ubcs.appeal.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.appeal.domain.AppealEntity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code ubcs_appeals_decided_late_total}: appeals whose outcome was decided after the day it was due
 * ({@link AppealEntity#decidedLate()}), counted once the decision is committed. No labels: nothing about the appeal.
 */
// Created at start-up, so that its series are there (at 0) before the first event.
@Startup
@ApplicationScoped
public class AppealMetrics {

    private final Counter decidedLate;

    AppealMetrics(MeterRegistry registry) {
        decidedLate = Counter.builder("ubcs.appeals.decided.late")
                .description("Appeals decided after their decision was due").register(registry);
    }

    void decided(AppealEntity appeal) {
        if (appeal.decidedLate()) {
            decidedLate.increment();
        }
    }
}
