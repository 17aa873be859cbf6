package org.ubcs.notification.domain;

import java.util.UUID;

import org.ubcs.api.model.NotificationRecipient;

/** A notification claimed for delivery: what sending it needs, and its attempts so far. */
public record DueNotification(UUID id, NotificationRecipient recipient, String subject, String body, int attempts) {
}
