package org.ubcs.contactcheck.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer who matches the caller's identifiers, with the restrictions in force for them, their cases (oldest
 * first), what the register of potentially dangerous persons and properties may know them by (each in normal
 * form, null when not on record), and, when a contact cap is in force, how many contacts they made since the start of
 * each cap period the contact falls in (as {@link ContactRules#evaluate} reads them; empty without a cap).
 */
public record Candidate(UUID customerId, String nameKey, String postcodeKey, String addressLine1,
        List<ContactRules.InForce> inForce, List<Matter> matters, Map<Instant, Integer> contactsSince) {

    /** The cases not closed: the matters the contact centre may be asked about. */
    public List<Matter> openMatters() {
        return matters.stream().filter(m -> !m.closed()).toList();
    }

    public boolean hasCase(UUID caseId) {
        return matters.stream().anyMatch(m -> m.caseId().equals(caseId));
    }
}
