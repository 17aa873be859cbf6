package org.ubcs.customer.mapping;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Address;
import org.ubcs.api.model.Advocate;
import org.ubcs.api.model.Customer;
import org.ubcs.api.model.CustomerInput;
import org.ubcs.customer.domain.CustomerDetails;
import org.ubcs.customer.domain.CustomerEntity;

@ApplicationScoped
public class CustomerMapper {

    @jakarta.inject.Inject
    org.ubcs.policy.ActivePolicy policy;

    public CustomerDetails toDetails(CustomerInput input) {
        Address address = input.getAddress();
        Advocate advocate = input.getAdvocate();
        return new CustomerDetails(input.getFullName(), input.getEmail(), input.getPhone(),
                address == null ? null
                        : new CustomerDetails.Address(address.getLine1(), address.getLine2(), address.getTown(),
                                address.getPostcode()),
                input.getPreferredChannel(),
                input.getCommunicationNeeds() == null ? List.of() : new ArrayList<>(input.getCommunicationNeeds()),
                input.getReasonableAdjustments(),
                advocate == null ? null
                        : new CustomerDetails.Advocate(advocate.getName(), advocate.getOrganisation(),
                                advocate.getEmail(), advocate.getPhone()));
    }

    public Customer toApi(CustomerEntity entity) {
        CustomerDetails details = entity.details();
        Customer customer = new Customer(entity.id, details.fullName(), details.communicationNeeds(),
                entity.createdAt.atOffset(ZoneOffset.UTC), entity.updatedAt.atOffset(ZoneOffset.UTC));
        customer.setEmail(details.email());
        customer.setPhone(details.phone());
        if (details.address() != null) {
            Address address = new Address(details.address().line1(), details.address().postcode());
            address.setLine2(details.address().line2());
            address.setTown(details.address().town());
            customer.setAddress(address);
        }
        customer.setPreferredChannel(details.preferredChannel());
        customer.setReasonableAdjustments(details.reasonableAdjustments());
        if (details.advocate() != null) {
            Advocate advocate = new Advocate(details.advocate().name());
            advocate.setOrganisation(details.advocate().organisation());
            advocate.setEmail(details.advocate().email());
            advocate.setPhone(details.advocate().phone());
            customer.setAdvocate(advocate);
        }
        // When the details are removed: the latest closure plus the profile's retention, once nothing else needs them.
        org.ubcs.api.model.RetentionStatus retention = new org.ubcs.api.model.RetentionStatus();
        if (entity.personalDataRemovedOn != null) {
            retention.setPersonalDataRemovedOn(entity.personalDataRemovedOn);
        } else if (entity.removableAfterClosureOn != null) {
            retention.setRemovalDueOn(
                    entity.removableAfterClosureOn.plus(policy.profile().retentionAfterClosure()));
        }
        customer.setRetention(retention);
        return customer;
    }
}
