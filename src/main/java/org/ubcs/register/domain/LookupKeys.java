package org.ubcs.register.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a lookup asks about, each in the normal form the entries keep (null when not asked): a postcode key, the
 * beginning of an address key, a UPRN, a customer, a name key with a date of birth.
 */
public record LookupKeys(String postcodeKey, String addressKey, String uprn, UUID customerId, String nameKey,
        LocalDate dateOfBirth) {
}
