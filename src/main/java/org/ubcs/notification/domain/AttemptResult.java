package org.ubcs.notification.domain;

import java.time.Instant;
import java.util.UUID;

import org.ubcs.api.model.NotificationState;

/**
 * What one delivery attempt leaves on its notification: the state it goes to, when it is tried next (null: as it
 * was), the attempt's error (null: sent) and when it was sent (null: not sent). {@code attemptsBefore} is the count
 * the attempt was claimed with; the attempt makes it one more.
 */
public record AttemptResult(UUID id, int attemptsBefore, NotificationState state, Instant nextAttemptAt,
        String lastError, Instant sentAt) {
}
