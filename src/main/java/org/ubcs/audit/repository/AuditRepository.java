package org.ubcs.audit.repository;

import java.util.List;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.audit.domain.AuditEventEntity;
import org.ubcs.paging.Cursors;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEventEntity, UUID> {

    /** Events in the order they happened, after {@code after}, at most {@code limit} of them. */
    public Uni<List<AuditEventEntity>> page(AuditEntityType entityType, UUID entityId, UUID caseId, Cursors.Key after,
            int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (entityType != null) {
            where.append(" and entityType = :entityType");
            parameters.and("entityType", entityType);
        }
        if (entityId != null) {
            where.append(" and entityId = :entityId");
            parameters.and("entityId", entityId);
        }
        if (caseId != null) {
            where.append(" and caseId = :caseId");
            parameters.and("caseId", caseId);
        }
        if (after != null) {
            where.append(" and (occurredAt > :at or (occurredAt = :at and id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by occurredAt, id", parameters).page(0, limit).list();
    }
}
