package org.ubcs.customer.domain;

import java.util.UUID;

/** Whom a letter to a customer goes to: their name and postal address (null: none on record), and no more. */
public record CustomerAddressee(UUID id, String fullName, CustomerDetails.Address address) {

    /** From the customer's columns, as {@link CustomerEntity#details()} reads them. */
    public CustomerAddressee(UUID id, String fullName, String addressLine1, String addressLine2, String town,
            String postcode) {
        this(id, fullName, CustomerEntity.address(addressLine1, addressLine2, town, postcode));
    }
}
