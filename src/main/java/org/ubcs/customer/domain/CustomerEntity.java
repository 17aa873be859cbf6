package org.ubcs.customer.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.CommunicationNeed;
import org.ubcs.identifiers.Identifiers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer: the person whose behaviour is at issue. Personal data throughout. */
@Entity
@Table(name = "customer")
public class CustomerEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String fullName;
    /** The name as compared (org.ubcs.identifiers.Identifiers#nameKey), for contact checks and search. */
    public String nameKey;
    public String email;
    /** The email address as compared: trimmed, ignoring case. */
    public String emailKey;
    /** E.164, as written and compared everywhere. */
    public String phone;
    public String addressLine1;
    public String addressLine2;
    public String town;
    /** In its normal form ({@code CB3 0AP}). */
    public String postcode;
    /** The postcode as compared: capitals, no spaces. */
    public String postcodeKey;
    @Enumerated(EnumType.STRING)
    public Channel preferredChannel;
    /** Enum names; a PostgreSQL array (Hibernate Reactive binds JSON columns as objects only). */
    public String[] communicationNeeds;
    public String reasonableAdjustments;
    public String advocateName;
    public String advocateOrganisation;
    public String advocateEmail;
    public String advocatePhone;
    /** The day the retention job removed the customer's details. */
    public java.time.LocalDate personalDataRemovedOn;
    /** The latest closure of the customer's cases once nothing else needs their details (see V12); else null. */
    @org.hibernate.annotations.Formula("ubcs_customer_last_closure(id)")
    public java.time.LocalDate removableAfterClosureOn;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public CustomerDetails details() {
        CustomerDetails.Address address = address(addressLine1, addressLine2, town, postcode);
        CustomerDetails.Advocate advocate = advocateName == null ? null
                : new CustomerDetails.Advocate(advocateName, advocateOrganisation, advocateEmail, advocatePhone);
        return new CustomerDetails(fullName, email, phone, address, preferredChannel,
                Arrays.stream(communicationNeeds).map(CommunicationNeed::valueOf).toList(), reasonableAdjustments,
                advocate);
    }

    /** The postal address these columns hold: none without its first line. */
    public static CustomerDetails.Address address(String line1, String line2, String town, String postcode) {
        return line1 == null ? null : new CustomerDetails.Address(line1, line2, town, postcode);
    }

    /** Replaces every detail, given in normal form (CustomerDetails#inNormalForm); the keys follow. */
    public void apply(CustomerDetails details) {
        fullName = details.fullName();
        nameKey = Identifiers.nameKey(fullName);
        email = details.email();
        emailKey = Identifiers.emailKey(email);
        phone = details.phone();
        CustomerDetails.Address address = details.address();
        addressLine1 = address == null ? null : address.line1();
        addressLine2 = address == null ? null : address.line2();
        town = address == null ? null : address.town();
        postcode = address == null ? null : address.postcode();
        postcodeKey = Identifiers.postcodeKey(postcode);
        preferredChannel = details.preferredChannel();
        communicationNeeds = details.communicationNeeds().stream().map(Enum::name).toArray(String[]::new);
        reasonableAdjustments = details.reasonableAdjustments();
        CustomerDetails.Advocate advocate = details.advocate();
        advocateName = advocate == null ? null : advocate.name();
        advocateOrganisation = advocate == null ? null : advocate.organisation();
        advocateEmail = advocate == null ? null : advocate.email();
        advocatePhone = advocate == null ? null : advocate.phone();
    }
}
