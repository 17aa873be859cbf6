package org.ubcs.cases.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.Classification;

/** What a complaints officer puts forward to open a case, and the day it was referred (null: today). */
public record ReferralDraft(UUID customerId, String matter, String department, List<Classification> classifications,
        CaseForms.Referral form, LocalDate referredOn) {
}
