package org.ubcs.contactcheck.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.ContactVerdict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code ubcs_contact_checks_total{verdict}}: contact checks answered, by verdict. Every verdict's series exists from
 * start-up (at 0), so a dashboard's rate never starts from a missing series. The label is the verdict alone: never
 * who asked or who the check was about.
 */
// Created at start-up, so that its series are there (at 0) before the first event.
@Startup
@ApplicationScoped
public class ContactCheckMetrics {

    private final Map<ContactVerdict, Counter> checks = new EnumMap<>(ContactVerdict.class);

    ContactCheckMetrics(MeterRegistry registry) {
        for (ContactVerdict verdict : ContactVerdict.values()) {
            checks.put(verdict, Counter.builder("ubcs.contact.checks").tag("verdict", verdict.name())
                    .description("Contact checks answered, by verdict").register(registry));
        }
    }

    void answered(ContactVerdict verdict) {
        checks.get(verdict).increment();
    }
}
