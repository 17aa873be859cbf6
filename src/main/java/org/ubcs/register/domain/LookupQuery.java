package org.ubcs.register.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What staff give to look the register up, as they typed it. */
public record LookupQuery(String postcode, String address, String uprn, UUID customerId, String fullName,
        LocalDate dateOfBirth) {
}
