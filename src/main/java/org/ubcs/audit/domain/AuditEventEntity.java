package org.ubcs.audit.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ubcs.api.model.AuditEntityType;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One change: who, when, what action on which entity, and the names (never the values) of the fields changed. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public Instant occurredAt;
    public String actorSubject;
    public String actorName;
    public String action;
    @Enumerated(EnumType.STRING)
    public AuditEntityType entityType;
    public UUID entityId;
    public UUID caseId;
    public String[] changedFields;
}
