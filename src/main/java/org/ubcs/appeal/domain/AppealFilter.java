package org.ubcs.appeal.domain;

import java.util.UUID;

import org.ubcs.api.model.AppealState;

/** Which appeals a list shows; each criterion given narrows it. */
public record AppealFilter(AppealState state, UUID caseId, Integer dueWithinWorkingDays, Boolean overdue) {
}
