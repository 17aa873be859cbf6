package org.ubcs.retention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.CaseHoldKind;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;
import org.ubcs.retention.domain.CaseHoldEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseHoldRepository implements PanacheRepositoryBase<CaseHoldEntity, UUID> {

    /** The case's holds in the order they were set, after {@code after}, at most {@code limit} of them. */
    public Uni<List<CaseHoldEntity>> page(UUID caseId, Cursors.Key after, int limit) {
        return new PageQuery().where("caseId = :caseId").with("caseId", caseId).list(this, "setAt", after, limit);
    }

    /** Whether the case exists (the retention capability does not reach into the cases capability). */
    public Uni<Boolean> caseExists(UUID caseId) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "select count(*) from policy_case where id = :id", Long.class).setParameter("id", caseId)
                .getSingleResult()).map(count -> count > 0);
    }

    /**
     * What holds the case now: its active holds' kinds, and OPEN_APPEAL when an appeal against its decision is
     * lodged or late.
     */
    public Uni<List<CaseHoldKind>> heldBy(UUID caseId) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "select kind from case_hold where case_id = :id and released_at is null "
                        + "union select 'OPEN_APPEAL' from appeal where case_id = :id and state in ('LODGED', 'LATE') "
                        + "order by 1", String.class).setParameter("id", caseId).getResultList())
                .map(kinds -> kinds.stream().map(CaseHoldKind::valueOf).toList());
    }
}
