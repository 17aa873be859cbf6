package org.ubcs.appeal.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.AppealState;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.paging.Cursors;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<AppealEntity, UUID> {

    public Uni<Boolean> liveAppealExists(UUID decisionId) {
        return count("decisionId = ?1 and state in ?2", decisionId, List.of(AppealState.LATE, AppealState.LODGED))
                .map(n -> n > 0);
    }

    public Uni<List<AppealEntity>> open() {
        return list("state in ?1", List.of(AppealState.LATE, AppealState.LODGED));
    }

    /**
     * @param dueBy only lodged appeals due on or before this date (null: no such filter)
     * @param overdueOn only lodged appeals due before this date (null: no such filter)
     */
    public Uni<List<AppealEntity>> page(AppealState state, UUID caseId, LocalDate dueBy, LocalDate overdueOn,
            Cursors.Key after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (state != null) {
            where.append(" and state = :state");
            parameters.and("state", state);
        }
        if (caseId != null) {
            where.append(" and caseId = :caseId");
            parameters.and("caseId", caseId);
        }
        if (dueBy != null) {
            where.append(" and state = :lodged and decisionDueOn <= :dueBy");
            parameters.and("lodged", AppealState.LODGED).and("dueBy", dueBy);
        }
        if (overdueOn != null) {
            where.append(" and state = :lodgedOverdue and decisionDueOn < :overdueOn");
            parameters.and("lodgedOverdue", AppealState.LODGED).and("overdueOn", overdueOn);
        }
        if (after != null) {
            where.append(" and (lodgedAt > :at or (lodgedAt = :at and id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by lodgedAt, id", parameters).page(0, limit).list();
    }
}
