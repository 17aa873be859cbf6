package org.ubcs.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.BehaviourCategory;
import org.ubcs.api.model.Channel;

/** An incident or contact as an officer records it. */
public record EvidenceDraft(Instant occurredAt, Channel channel, String officer, List<BehaviourCategory> behaviours,
        String summary, UUID corrects) {
}
