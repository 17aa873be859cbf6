package org.ubcs.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.ubcs.security.Actor;

/** Values every mapper writes the same way: who did something, and when (UTC, as the contract's date-times are). */
public final class ApiValues {

    private ApiValues() {
    }

    public static org.ubcs.api.model.Actor actor(Actor actor) {
        return new org.ubcs.api.model.Actor(actor.subject(), actor.name());
    }

    public static org.ubcs.api.model.Actor actor(String subject, String name) {
        return new org.ubcs.api.model.Actor(subject, name);
    }

    public static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
