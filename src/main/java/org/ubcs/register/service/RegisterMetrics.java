package org.ubcs.register.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.RegisterViewPurpose;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code ubcs_register_lookups_total{purpose}}: lookups in the register of potentially dangerous persons and
 * properties, by why it was read (a lookup before a visit, or the contact check's for a call or meeting), counted
 * once their views are logged. Never what was looked up, nor what was found.
 */
// Created at start-up, so that its series are there (at 0) before the first event.
@Startup
@ApplicationScoped
public class RegisterMetrics {

    private final Map<RegisterViewPurpose, Counter> lookups = new EnumMap<>(RegisterViewPurpose.class);

    RegisterMetrics(MeterRegistry registry) {
        for (RegisterViewPurpose purpose : RegisterViewPurpose.values()) {
            lookups.put(purpose, Counter.builder("ubcs.register.lookups").tag("purpose", purpose.name())
                    .description("Lookups in the register, by purpose").register(registry));
        }
    }

    void lookedUp(RegisterViewPurpose purpose) {
        lookups.get(purpose).increment();
    }
}
