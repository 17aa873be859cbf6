package org.ubcs.notification.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.NotificationState;
import org.ubcs.notification.domain.NotificationEntity;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, UUID> {

    public Uni<Boolean> exists(String dedupeKey) {
        return count("dedupeKey", dedupeKey).map(n -> n > 0);
    }

    /** Which of these dedupe keys are already written: one query for a whole batch of events. */
    public Uni<List<String>> existingKeys(java.util.Collection<String> dedupeKeys) {
        return dedupeKeys.isEmpty() ? Uni.createFrom().item(List.of())
                : getSession().flatMap(session -> session.createSelectionQuery(
                        "select n.dedupeKey from NotificationEntity n where n.dedupeKey in :keys", String.class)
                        .setParameter("keys", dedupeKeys).getResultList());
    }

    /**
     * Claims up to {@code limit} due notifications for {@code lease}: rows another replica is claiming are skipped
     * (FOR UPDATE SKIP LOCKED), and a claim that is not finished in time lapses, so a crashed sender loses nothing.
     */
    public Uni<List<UUID>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "update notification set lease_until = :lease where id in (select id from notification "
                        + "where state = 'PENDING' and next_attempt_at <= :now "
                        + "and (lease_until is null or lease_until < :now) order by next_attempt_at limit :limit "
                        + "for update skip locked) returning id", UUID.class)
                .setParameter("lease", leaseUntil.atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit).getResultList());
    }

    public Uni<List<NotificationEntity>> page(NotificationState state, UUID caseId, Cursors.Key after, int limit) {
        return new PageQuery()
                .filter("state = :state", "state", state)
                .filter("caseId = :caseId", "caseId", caseId)
                .list(this, "createdAt", after, limit);
    }
}
