package org.ubcs.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.NotificationState;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A notification in the outbox: written in the transaction of the event it tells of, delivered afterwards by the
 * delivery job, so each is sent once whatever happens to the event's transaction.
 */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String dedupeKey;
    public String kind;
    @Enumerated(EnumType.STRING)
    public NotificationRecipient recipient;
    public String subject;
    @Column(columnDefinition = "text")
    public String body;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public NotificationState state;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant leaseUntil;
    public String lastError;
    public Instant createdAt;
    public Instant sentAt;
    @Version
    public long version;
}
