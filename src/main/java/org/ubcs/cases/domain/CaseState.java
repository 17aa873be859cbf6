package org.ubcs.cases.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.Classification;

/**
 * What the procedure's rules read of a case ({@link CaseProcedure}): for a step taken on many cases at once (a job's
 * batch), read without loading the cases.
 */
public record CaseState(UUID id, CaseStatus status, String[] classifications, boolean reviewOpen) {

    public static CaseState of(CaseEntity kase) {
        return new CaseState(kase.id, kase.status, kase.classifications, kase.reviewOpen);
    }

    public List<Classification> classificationList() {
        return Arrays.stream(classifications).map(Classification::valueOf).toList();
    }
}
