package org.ubcs.notification.mapping;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Notification;
import org.ubcs.api.model.NotificationState;
import org.ubcs.notification.domain.NotificationEntity;

@ApplicationScoped
public class NotificationMapper {

    public Notification toApi(NotificationEntity n) {
        Notification api = new Notification(n.id, n.kind, n.recipient, n.subject, n.state, n.attempts,
                n.createdAt.atOffset(ZoneOffset.UTC));
        if (n.state == NotificationState.PENDING) {
            api.setNextAttemptAt(n.nextAttemptAt.atOffset(ZoneOffset.UTC));
        }
        api.setLastError(n.lastError);
        api.setCaseId(n.caseId);
        api.setSentAt(n.sentAt == null ? null : n.sentAt.atOffset(ZoneOffset.UTC));
        return api;
    }
}
