package org.ubcs.customer.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.CustomersApi;
import org.ubcs.api.model.CustomerInput;
import org.ubcs.api.model.CustomerPage;
import org.ubcs.customer.mapping.CustomerMapper;
import org.ubcs.customer.domain.CustomerSearch;
import org.ubcs.customer.service.CustomerService;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.ETags;
import org.ubcs.web.Links;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerResource implements CustomersApi {

    @Inject
    CustomerService service;

    @Inject
    CustomerMapper mapper;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.POLICY_OWNER })
    public Uni<Response> createCustomer(CustomerInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("createCustomer", actor, idempotencyKey, input,
                () -> service.create(actor, mapper.toDetails(input)).map(customer -> idempotency.created(
                        "/customers/" + customer.id, ETags.of(customer.version), mapper.toApi(customer))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> getCustomer(UUID customerId) {
        return service.get(customerId).map(customer -> Responses.ok(mapper.toApi(customer), customer.version));
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.LEGAL })
    public Uni<Response> searchCustomers(String name, String email, String phone, String postcode, String cursor,
            Integer limit) {
        return service.search(new CustomerSearch(name, email, phone, postcode), cursor, limit)
                .map(page -> {
                    CustomerPage body = new CustomerPage(page.map(mapper::toApi).items());
                    Links.page(body, uri, page);
                    return Response.ok(body).build();
                });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.POLICY_OWNER })
    public Uni<Response> updateCustomer(UUID customerId, String ifMatch, CustomerInput input) {
        Long expected = ETags.expectedVersion(ifMatch);
        return service.update(user.actor(), customerId, expected, mapper.toDetails(input))
                .map(customer -> Responses.ok(mapper.toApi(customer), customer.version));
    }
}
