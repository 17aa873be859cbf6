package org.ubcs.customer.domain;

import java.util.List;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.CommunicationNeed;

/** Everything recorded about a customer that a user may change. */
public record CustomerDetails(String fullName, String email, String phone, Address address, Channel preferredChannel,
        List<CommunicationNeed> communicationNeeds, String reasonableAdjustments, Advocate advocate) {

    public record Address(String line1, String line2, String town, String postcode) {
    }

    public record Advocate(String name, String organisation, String email, String phone) {
    }
}
