package org.ubcs.customer.service;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.audit.service.AuditService;
import org.ubcs.audit.service.Changes;
import org.ubcs.time.LondonClock;
import org.ubcs.customer.domain.CustomerDetails;
import org.ubcs.customer.domain.CustomerAddressee;
import org.ubcs.customer.domain.CustomerEntity;
import org.ubcs.customer.domain.CustomerSearch;
import org.ubcs.customer.repository.CustomerRepository;
import org.ubcs.identifiers.Identifiers;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.Actor;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerService {

    @Inject
    Cursors cursors;

    @Inject
    CustomerRepository repository;

    @Inject
    AuditService audit;

    @Inject
    LondonClock clock;

    @WithTransaction
    public Uni<CustomerEntity> create(Actor actor, CustomerDetails given) {
        CustomerDetails details = given.inNormalForm();
        CustomerEntity customer = new CustomerEntity();
        customer.id = UUID.randomUUID();
        customer.apply(details);
        customer.createdAt = clock.now();
        customer.updatedAt = customer.createdAt;
        return repository.persistAndFlush(customer)
                .call(() -> audit.record(actor, "CUSTOMER_CREATED", AuditEntityType.CUSTOMER, customer.id, null,
                        Changes.set(details)))
                .replaceWith(customer);
    }

    @WithSession
    public Uni<CustomerEntity> get(UUID id) {
        return find(id);
    }

    /** Replaces the customer's details if they are still at the version the user read. */
    @WithTransaction
    public Uni<CustomerEntity> update(Actor actor, UUID id, Long expectedVersion, CustomerDetails given) {
        CustomerDetails details = given.inNormalForm();
        return find(id).flatMap(customer -> {
            ETags.requireCurrent(expectedVersion, customer.version);
            List<String> changed = Changes.between(customer.details(), details);
            if (changed.isEmpty()) {
                return Uni.createFrom().item(customer);
            }
            customer.apply(details);
            customer.updatedAt = clock.now();
            return repository.flush()
                    .call(() -> audit.record(actor, "CUSTOMER_UPDATED", AuditEntityType.CUSTOMER, id, null, changed))
                    .replaceWith(customer);
        });
    }

    @WithSession
    public Uni<Page<CustomerEntity>> search(CustomerSearch search, String cursor, int limit) {
        if (search.phone() != null && Identifiers.phoneFragment(search.phone()) == null) {
            throw ProblemException.invalid(List.of(FieldError.parameter("phone", "must contain at least 3 digits")));
        }
        return repository.search(search, cursors.decode("customers", cursor), limit + 1)
                .map(found -> Page.of(found, limit, c -> cursors.encode("customers", c.createdAt, c.id)));
    }

    /** For other capabilities that refer to a customer: present or not, without a session of their own. */
    public Uni<CustomerEntity> findOrNull(UUID id) {
        return repository.findById(id);
    }

    /**
     * For letters to many customers at once: the name and address of those of these that exist, read without
     * loading the customers (a job's batch would otherwise hand Hibernate a thousand of them to check at each flush).
     */
    public Uni<List<CustomerAddressee>> addressees(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : repository.addressees(ids);
    }

    private Uni<CustomerEntity> find(UUID id) {
        return repository.findById(id).map(customer -> {
            if (customer == null) {
                throw ProblemException.notFound("No customer with this id.");
            }
            return customer;
        });
    }
}
