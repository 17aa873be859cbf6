package org.ubcs.cases.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.cases.domain.DecisionEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, UUID> {

    public Uni<DecisionEntity> findByCase(UUID caseId) {
        return find("caseId", caseId).firstResult();
    }

    public Uni<List<DecisionEntity>> findByCases(Collection<UUID> caseIds) {
        return caseIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("caseId in ?1", caseIds);
    }
}
