package org.ubcs.register.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.ubcs.api.model.RegisterRemovalReason;
import org.ubcs.security.Actor;

/** How an entry left the register. */
public record Removal(RegisterRemovalReason reason, String notes, LocalDate removedOn, Actor removedBy,
        Instant removedAt) {
}
