package org.ubcs.audit.service;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.audit.domain.AuditEventEntity;
import org.ubcs.audit.repository.AuditRepository;
import org.ubcs.time.LondonClock;
import org.ubcs.security.Actor;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The one way to record a change. Every service calls it inside the transaction of the change itself, so the change
 * and its audit event are written together or not at all.
 */
@ApplicationScoped
public class AuditService {

    @Inject
    Cursors cursors;

    @Inject
    AuditRepository repository;

    @Inject
    LondonClock clock;

    public Uni<Void> record(Actor actor, String action, AuditEntityType entityType, UUID entityId, UUID caseId,
            Collection<String> changedFields) {
        return recordAll(actor, action, entityType, List.of(new Target(entityId, caseId)), changedFields);
    }

    /** What one event of {@link #recordAll} is about: the entity changed, and its case (or null). */
    public record Target(UUID entityId, UUID caseId) {
    }

    /**
     * Records the same change to many entities at once, as a job that changes them set-based does: one event each,
     * written with one statement ({@link #record} is a list of one).
     */
    public Uni<Void> recordAll(Actor actor, String action, AuditEntityType entityType, List<Target> targets,
            Collection<String> changedFields) {
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.insertAll(targets.stream()
                .map(t -> event(actor, action, entityType, t.entityId(), t.caseId(), changedFields)).toList());
    }

    private AuditEventEntity event(Actor actor, String action, AuditEntityType entityType, UUID entityId,
            UUID caseId, Collection<String> changedFields) {
        AuditEventEntity event = new AuditEventEntity();
        event.id = UUID.randomUUID();
        event.occurredAt = clock.now();
        event.actorSubject = actor.subject();
        event.actorName = actor.name();
        event.action = action;
        event.entityType = entityType;
        event.entityId = entityId;
        event.caseId = caseId;
        event.changedFields = changedFields.toArray(String[]::new);
        return event;
    }

    @WithSession
    public Uni<Page<AuditEventEntity>> page(AuditEntityType entityType, UUID entityId, UUID caseId, String cursor,
            int limit) {
        // A case's history is its own collection; the audit trail at large is another.
        String collection = caseId == null ? "audit-events" : "cases/" + caseId + "/history";
        return repository.page(entityType, entityId, caseId, cursors.decode(collection, cursor), limit + 1)
                .map(events -> Page.of(events, limit, e -> cursors.encode(collection, e.occurredAt, e.id)));
    }
}
