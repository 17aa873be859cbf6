package org.ubcs.contactcheck.domain;

import java.util.UUID;

/** How the caller is identified: by id, or by one of email, phone digits, or full name with postcode. */
public record Identification(UUID customerId, String email, String phoneDigits, String fullName,
        String postcodeKey) {
}
