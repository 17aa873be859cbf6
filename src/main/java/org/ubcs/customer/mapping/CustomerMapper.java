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
        return customer;
    }
}
