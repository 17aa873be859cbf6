package org.ubcs.contactcheck.domain;

import java.util.List;
import java.util.UUID;

/** A customer who matches the caller's identifiers, with the restrictions in force for them. */
public record Candidate(UUID customerId, List<ContactRules.InForce> inForce) {
}
