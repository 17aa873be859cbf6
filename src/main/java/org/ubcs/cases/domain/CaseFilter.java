package org.ubcs.cases.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.Classification;

/** Which cases a list shows: each criterion given narrows it. */
public record CaseFilter(CaseStatus status, Classification classification, String department, UUID customerId,
        LocalDate reviewDueBefore) {
}
