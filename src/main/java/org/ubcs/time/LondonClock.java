package org.ubcs.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's sense of time. Instants are kept to the microsecond, as PostgreSQL stores them; calendar dates are
 * London dates, whatever the server's zone.
 */
@ApplicationScoped
public class LondonClock {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Clock clock = Clock.systemUTC();

    /** How far ahead of this clock another's may run: a contact or incident "now" there is not in the future here. */
    @ConfigProperty(name = "ubcs.time.clock-skew", defaultValue = "PT5M")
    Duration clockSkew;

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }

    public Duration clockSkew() {
        return clockSkew;
    }
}
