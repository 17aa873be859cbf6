package org.ubcs.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's sense of time. Instants are kept to the microsecond, as PostgreSQL stores them; calendar dates are
 * London dates, whatever the server's zone.
 */
@ApplicationScoped
public class LondonClock {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }
}
