package org.ubcs.cases.domain;

import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.Classification;

/** What a complaints officer puts forward to open a case. */
public record ReferralDraft(UUID customerId, String matter, String department, List<Classification> classifications,
        CaseForms.Referral form) {
}
