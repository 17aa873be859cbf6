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
}
