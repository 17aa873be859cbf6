package org.ubcs.register.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;
import org.ubcs.register.domain.EntryFilter;
import org.ubcs.register.domain.RegisterEntryEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RegisterEntryRepository implements PanacheRepositoryBase<RegisterEntryEntity, UUID> {

    public Uni<List<RegisterEntryEntity>> page(EntryFilter filter, Cursors.Key after, int limit) {
        return new PageQuery()
                .filter("state = :state", "state", filter.state())
                .filter("aboutCustomerId = :customerId", "customerId", filter.customerId())
                .list(this, "createdAt", after, limit);
    }
}
