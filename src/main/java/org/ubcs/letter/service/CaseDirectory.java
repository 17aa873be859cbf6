package org.ubcs.letter.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What letters need to know about cases, answered by the cases capability. Letters ask through this interface, not
 * the case service itself, because the case steps issue letters: cases depend on letters, so letters may not
 * depend on cases (ArchitectureTest forbids the cycle).
 */
public interface CaseDirectory {

    /** The customer of the case, or null when there is no such case; in the caller's session. */
    Uni<UUID> customerOf(UUID caseId);

    /** The customer of each of these cases that exists, by case id; in the caller's session. */
    Uni<Map<UUID, UUID>> customersOf(Collection<UUID> caseIds);
}
