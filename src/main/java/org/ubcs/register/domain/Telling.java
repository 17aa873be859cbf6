package org.ubcs.register.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.RegisterNotToldReason;
import org.ubcs.security.Actor;

/** Whether the person was told of the entry (the appeal window runs from then), or why not. */
public record Telling(boolean told, LocalDate toldOn, Channel channel, UUID letterId, LocalDate appealBy,
        RegisterNotToldReason notToldReason, String note, Actor recordedBy, Instant recordedAt) {
}
