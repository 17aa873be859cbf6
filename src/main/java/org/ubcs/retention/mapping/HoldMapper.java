package org.ubcs.retention.mapping;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.CaseHold;
import org.ubcs.retention.domain.CaseHoldEntity;

@ApplicationScoped
public class HoldMapper {

    public CaseHold toApi(CaseHoldEntity h) {
        CaseHold hold = new CaseHold(h.id, h.caseId, h.kind, h.reason, new Actor(h.setBySubject, h.setByName),
                h.setAt.atOffset(ZoneOffset.UTC), h.active());
        if (!h.active()) {
            hold.releaseReason(h.releaseReason).releasedBy(new Actor(h.releasedBySubject, h.releasedByName))
                    .releasedAt(h.releasedAt.atOffset(ZoneOffset.UTC));
        }
        return hold;
    }
}
