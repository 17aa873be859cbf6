package org.ubcs.contactcheck.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.contactcheck.domain.ContactEntity;
import org.ubcs.locking.AdvisoryLocks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Recorded contacts, read and written in the caller's transaction. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<ContactEntity, UUID> {

    /** Serialises recording for one customer until the transaction ends (the contact cap depends on it). */
    public Uni<Void> lockCustomer(UUID customerId) {
        return AdvisoryLocks.hold("ubcs-contact:" + customerId);
    }

    public Uni<Integer> countSince(UUID customerId, Instant since) {
        return count("customerId = ?1 and occurredAt >= ?2", customerId, since).map(Long::intValue);
    }
}
