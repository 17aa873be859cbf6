package org.ubcs.appeal.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.AppealState;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<AppealEntity, UUID> {

    private static final List<AppealState> LIVE = List.of(AppealState.LATE, AppealState.LODGED);

    /** Whether what the appeal is against (its decision, or its register entry) already has a live appeal. */
    public Uni<Boolean> liveAppealExists(AppealEntity appeal) {
        Uni<Long> live = appeal.registerEntryId != null
                ? count("registerEntryId = ?1 and state in ?2", appeal.registerEntryId, LIVE)
                : count("decisionId = ?1 and state in ?2", appeal.decisionId, LIVE);
        return live.map(n -> n > 0);
    }

    public Uni<List<AppealEntity>> open() {
        return list("state in ?1", LIVE);
    }

    /**
     * @param dueBy only lodged appeals due on or before this date (null: no such filter)
     * @param overdueOn only lodged appeals due before this date (null: no such filter)
     */
    public Uni<List<AppealEntity>> page(AppealState state, UUID caseId, LocalDate dueBy, LocalDate overdueOn,
            Cursors.Key after, int limit) {
        PageQuery query = new PageQuery()
                .filter("state = :state", "state", state)
                .filter("caseId = :caseId", "caseId", caseId);
        if (dueBy != null) {
            query.where("state = :lodged and decisionDueOn <= :dueBy").with("lodged", AppealState.LODGED)
                    .with("dueBy", dueBy);
        }
        if (overdueOn != null) {
            query.where("state = :lodgedOverdue and decisionDueOn < :overdueOn")
                    .with("lodgedOverdue", AppealState.LODGED).with("overdueOn", overdueOn);
        }
        return query.list(this, "lodgedAt", after, limit);
    }
}
