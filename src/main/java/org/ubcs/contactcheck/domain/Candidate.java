package org.ubcs.contactcheck.domain;

import java.util.List;
import java.util.UUID;

/**
 * A customer who matches the caller's identifiers, with the restrictions in force for them, their cases (oldest
 * first), and what the register of potentially dangerous persons and properties may know them by (each in normal
 * form, null when not on record).
 */
public record Candidate(UUID customerId, String nameKey, String postcodeKey, String addressLine1,
        List<ContactRules.InForce> inForce, List<Matter> matters) {

    /** The cases not closed: the matters the contact centre may be asked about. */
    public List<Matter> openMatters() {
        return matters.stream().filter(m -> !m.closed()).toList();
    }

    public boolean hasCase(UUID caseId) {
        return matters.stream().anyMatch(m -> m.caseId().equals(caseId));
    }
}
