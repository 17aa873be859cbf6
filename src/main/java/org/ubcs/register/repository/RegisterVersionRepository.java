package org.ubcs.register.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.register.domain.RegisterVersionEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RegisterVersionRepository implements PanacheRepositoryBase<RegisterVersionEntity, UUID> {

    /** Every version of an entry, the first first. */
    public Uni<List<RegisterVersionEntity>> ofEntry(UUID entryId) {
        return list("entryId = ?1 order by number", entryId);
    }
}
