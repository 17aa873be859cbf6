package org.ubcs.contactcheck.domain;

import java.util.UUID;

/** The answer to a contact check, the customer it is about (if identified) and what was recorded. */
public record ContactOutcome(ContactRules.Answer answer, UUID customerId, UUID contactId, UUID readAndFileItemId) {
}
