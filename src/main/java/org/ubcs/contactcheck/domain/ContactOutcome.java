package org.ubcs.contactcheck.domain;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a contact check, the customer it is about (if identified) and their open matters, and what was
 * recorded.
 */
public record ContactOutcome(ContactRules.Answer answer, UUID customerId, List<Matter.Summary> matters,
        UUID contactId, UUID readAndFileItemId) {
}
