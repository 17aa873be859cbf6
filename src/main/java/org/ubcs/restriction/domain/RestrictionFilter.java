package org.ubcs.restriction.domain;

import java.util.UUID;

import org.ubcs.api.model.RestrictionState;

/** Which restrictions a list shows: each criterion given narrows it. */
public record RestrictionFilter(UUID customerId, UUID caseId, RestrictionState state, Boolean emergency,
        Boolean assessmentOverdue) {
}
