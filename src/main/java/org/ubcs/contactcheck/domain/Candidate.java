package org.ubcs.contactcheck.domain;

import java.util.List;
import java.util.UUID;

/**
 * A customer who matches the caller's identifiers, with the restrictions in force for them, and what the register of
 * potentially dangerous persons and properties may know them by (each in normal form, null when not on record).
 */
public record Candidate(UUID customerId, String nameKey, String postcodeKey, String addressLine1,
        List<ContactRules.InForce> inForce) {
}
