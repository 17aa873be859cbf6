package org.ubcs.audit.repository;

import java.util.List;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.audit.domain.AuditEventEntity;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEventEntity, UUID> {

    /** Events in the order they happened, after {@code after}, at most {@code limit} of them. */
    public Uni<List<AuditEventEntity>> page(AuditEntityType entityType, UUID entityId, UUID caseId, Cursors.Key after,
            int limit) {
        return new PageQuery()
                .filter("entityType = :entityType", "entityType", entityType)
                .filter("entityId = :entityId", "entityId", entityId)
                .filter("caseId = :caseId", "caseId", caseId)
                .list(this, "occurredAt", after, limit);
    }

    /**
     * Writes these events with one statement, whatever their number: they travel as one JSON parameter (so the
     * statement's text and plan are the same for every batch), and none is handed to Hibernate, so no later flush
     * checks them again. No event refers to a row by a foreign key, so nothing need be flushed first.
     */
    public Uni<Void> insertAll(List<AuditEventEntity> events) {
        JsonArray rows = new JsonArray();
        for (AuditEventEntity e : events) {
            rows.add(new JsonObject().put("id", e.id.toString()).put("occurred_at", e.occurredAt.toString())
                    .put("actor_subject", e.actorSubject).put("actor_name", e.actorName).put("action", e.action)
                    .put("entity_type", e.entityType.name()).put("entity_id", e.entityId.toString())
                    .put("case_id", e.caseId == null ? null : e.caseId.toString())
                    .put("changed_fields", new JsonArray(List.of((Object[]) e.changedFields))));
        }
        return getSession().flatMap(session -> session.createNativeQuery(
                "insert into audit_event (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id, "
                        + "case_id, changed_fields) select id, occurred_at, actor_subject, actor_name, action, "
                        + "entity_type, entity_id, case_id, changed_fields "
                        // Typed text first: a parameter typed jsonb would take the Java string as one JSON string.
                        + "from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, "
                        + "occurred_at timestamptz, actor_subject varchar, actor_name varchar, action varchar, "
                        + "entity_type varchar, entity_id uuid, case_id uuid, changed_fields varchar[])")
                .setParameter("rows", rows.encode()).executeUpdate()).replaceWithVoid();
    }
}
