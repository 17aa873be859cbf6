package org.ubcs.audit.mapping;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.AuditEvent;
import org.ubcs.audit.domain.AuditEventEntity;

@ApplicationScoped
public class AuditMapper {

    public AuditEvent toApi(AuditEventEntity entity) {
        AuditEvent event = new AuditEvent(entity.id, entity.occurredAt.atOffset(ZoneOffset.UTC),
                new Actor(entity.actorSubject, entity.actorName), entity.action, entity.entityType, entity.entityId,
                java.util.List.of(entity.changedFields));
        event.setCaseId(entity.caseId);
        return event;
    }
}
