package org.ubcs.customer.domain;

import java.util.List;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.CommunicationNeed;
import org.ubcs.identifiers.Recognised;

/** Everything recorded about a customer that a user may change. */
public record CustomerDetails(String fullName, String email, String phone, Address address, Channel preferredChannel,
        List<CommunicationNeed> communicationNeeds, String reasonableAdjustments, Advocate advocate) {

    /**
     * The details with phone numbers and the postcode in their normal form, as they are stored and compared. An
     * identifier that cannot be recognised is refused, naming its field: a number stored as typed could never be
     * found again by a contact check.
     */
    public CustomerDetails inNormalForm() {
        Recognised read = new Recognised();
        String normalPhone = read.phone(phone, "/phone");
        Address normalAddress = address == null ? null : new Address(address.line1(), address.line2(), address.town(),
                read.postcode(address.postcode(), "/address/postcode"));
        Advocate normalAdvocate = advocate == null ? null : new Advocate(advocate.name(), advocate.organisation(),
                advocate.email(), read.phone(advocate.phone(), "/advocate/phone"));
        read.emailKey(email, "/email");
        read.orRefuse();
        return new CustomerDetails(fullName, email, normalPhone, normalAddress, preferredChannel, communicationNeeds,
                reasonableAdjustments, normalAdvocate);
    }

    public record Address(String line1, String line2, String town, String postcode) {
    }

    public record Advocate(String name, String organisation, String email, String phone) {
    }
}
