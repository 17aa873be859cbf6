package org.ubcs.contactcheck.domain;

import java.util.UUID;

/**
 * How the caller is identified: by id, or by any of an email, a phone number, and a name with a postcode, each in the
 * normal form the customer's record keeps (org.ubcs.identifiers.Identifiers). Every identifier given is matched.
 */
public record Identification(UUID customerId, String emailKey, String phone, String nameKey, String postcodeKey) {
}
