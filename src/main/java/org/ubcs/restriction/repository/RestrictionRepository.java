package org.ubcs.restriction.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.paging.Cursors;
import org.ubcs.restriction.domain.RestrictionEntity;
import org.ubcs.restriction.domain.RestrictionFilter;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RestrictionRepository implements PanacheRepositoryBase<RestrictionEntity, UUID> {

    /** The customer's current versions that are neither lifted nor over by {@code from}. */
    public Uni<List<RestrictionEntity>> currentFor(UUID customerId, LocalDate from) {
        return list("customerId = ?1 and not lifted and supersededBy is null "
                + "and (effectiveUntil is null or effectiveUntil >= ?2)", customerId, from);
    }

    public Uni<List<RestrictionEntity>> lineage(UUID lineageId) {
        return list("lineageId = ?1 order by versionNumber", lineageId);
    }

    public Uni<List<RestrictionEntity>> page(RestrictionFilter filter, LocalDate today, Cursors.Key after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.customerId() != null) {
            where.append(" and customerId = :customerId");
            parameters.and("customerId", filter.customerId());
        }
        if (filter.caseId() != null) {
            where.append(" and caseId = :caseId");
            parameters.and("caseId", filter.caseId());
        }
        if (filter.emergency() != null) {
            where.append(" and emergency = :emergency");
            parameters.and("emergency", filter.emergency());
        }
        if (filter.state() != null) {
            // The same states as RestrictionEntity.stateOn, in HQL.
            where.append(switch (filter.state()) {
                case LIFTED -> " and lifted";
                case SUPERSEDED -> " and not lifted and supersededBy is not null";
                case EXPIRED -> " and not lifted and supersededBy is null and effectiveUntil < :today";
                case ACTIVE -> " and not lifted and supersededBy is null "
                        + "and (effectiveUntil is null or effectiveUntil >= :today)";
            });
            if (filter.state().name().equals("EXPIRED") || filter.state().name().equals("ACTIVE")) {
                parameters.and("today", today);
            }
        }
        if (Boolean.TRUE.equals(filter.assessmentOverdue())) {
            where.append(" and emergency and followUp is null and not lifted and assessmentDueOn < :dueBefore");
            parameters.and("dueBefore", today);
        }
        if (after != null) {
            where.append(" and (imposedAt > :at or (imposedAt = :at and id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by imposedAt, id", parameters).page(0, limit).list();
    }
}
