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

    public Uni<List<DecisionEntity>> applied(UUID caseId, java.time.LocalDate toldSince,
            org.ubcs.paging.Cursors.Key after, int limit) {
        StringBuilder where = new StringBuilder("outcome = :outcome");
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters.with("outcome",
                org.ubcs.api.model.DecisionOutcome.APPLY_POLICY);
        if (caseId != null) {
            where.append(" and caseId = :caseId");
            parameters.and("caseId", caseId);
        }
        if (toldSince != null) {
            where.append(" and customerToldOn >= :toldSince");
            parameters.and("toldSince", toldSince);
        }
        if (after != null) {
            where.append(" and ").append(org.ubcs.paging.PageQuery.after("recordedAt"));
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by recordedAt, id", parameters).page(0, limit).list();
    }

    public Uni<List<DecisionEntity>> findByCases(Collection<UUID> caseIds) {
        return caseIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("caseId in ?1", caseIds);
    }
}
