package org.ubcs.notification.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.NotificationState;
import org.ubcs.notification.domain.AttemptResult;
import org.ubcs.notification.domain.DueNotification;
import org.ubcs.notification.domain.NotificationEntity;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, UUID> {

    public Uni<Boolean> exists(String dedupeKey) {
        return count("dedupeKey", dedupeKey).map(n -> n > 0);
    }

    /**
     * Writes these new notifications with one statement, leaving out any whose dedupe key is already written (the
     * same event told again, as when a job is run again, even by another replica at the same moment); returns how
     * many were written. The session is flushed first: a notification refers to its case by a foreign key.
     */
    public Uni<Integer> insertNew(java.util.Collection<NotificationEntity> written) {
        JsonArray rows = new JsonArray();
        for (NotificationEntity n : written) {
            rows.add(new JsonObject().put("id", n.id.toString()).put("dedupe_key", n.dedupeKey).put("kind", n.kind)
                    .put("recipient", n.recipient.name()).put("subject", n.subject).put("body", n.body)
                    .put("case_id", n.caseId == null ? null : n.caseId.toString()).put("state", n.state.name())
                    .put("next_attempt_at", n.nextAttemptAt.toString()).put("created_at", n.createdAt.toString()));
        }
        return getSession().flatMap(session -> session.flush().chain(() -> session.createNativeQuery(
                "insert into notification (id, dedupe_key, kind, recipient, subject, body, case_id, state, attempts, "
                        + "next_attempt_at, created_at, version) select id, dedupe_key, kind, recipient, subject, body, "
                        + "case_id, state, 0, next_attempt_at, created_at, 0 "
                        + "from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, dedupe_key varchar, "
                        + "kind varchar, recipient varchar, subject varchar, body text, case_id uuid, state varchar, "
                        + "next_attempt_at timestamptz, created_at timestamptz) "
                        + "on conflict (dedupe_key) do nothing")
                .setParameter("rows", rows.encode()).executeUpdate()));
    }

    /**
     * Claims up to {@code limit} due notifications for {@code lease}: rows another replica is claiming are skipped
     * (FOR UPDATE SKIP LOCKED), and a claim that is not finished in time lapses, so a crashed sender loses nothing.
     * Returns what sending needs, so the claim is the batch's only read.
     */
    public Uni<List<DueNotification>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "update notification set lease_until = :lease where id in (select id from notification "
                        + "where state = 'PENDING' and next_attempt_at <= :now "
                        + "and (lease_until is null or lease_until < :now) order by next_attempt_at limit :limit "
                        + "for update skip locked) returning id, recipient, subject, body, attempts", Object[].class)
                .setParameter("lease", leaseUntil.atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(row -> new DueNotification((UUID) row[0],
                        NotificationRecipient.valueOf((String) row[1]), (String) row[2], (String) row[3],
                        ((Number) row[4]).intValue())).toList());
    }

    /**
     * Records a batch of attempts in one statement, whatever its size: the results travel as one JSON parameter, so
     * the statement's text (and its prepared plan) is the same for every batch. An attempt is recorded only while
     * its notification is still as it was claimed (PENDING, same attempts): should the lease have lapsed and another
     * replica recorded it first, this one's result is not counted twice. Returns the ids recorded.
     */
    public Uni<List<UUID>> recordAttempts(List<AttemptResult> results) {
        JsonArray rows = new JsonArray();
        for (AttemptResult r : results) {
            rows.add(new JsonObject().put("id", r.id().toString()).put("attempts_before", r.attemptsBefore())
                    .put("state", r.state().name())
                    .put("next_attempt_at", r.nextAttemptAt() == null ? null : r.nextAttemptAt().toString())
                    .put("last_error", r.lastError())
                    .put("sent_at", r.sentAt() == null ? null : r.sentAt().toString()));
        }
        return getSession().flatMap(session -> session.createNativeQuery(
                "update notification n set state = r.state, attempts = r.attempts_before + 1, "
                        + "next_attempt_at = coalesce(r.next_attempt_at, n.next_attempt_at), "
                        + "last_error = r.last_error, sent_at = coalesce(r.sent_at, n.sent_at), lease_until = null, "
                        + "version = n.version + 1 "
                        // Typed text first: a parameter typed jsonb would take the Java string as one JSON string.
                        + "from jsonb_to_recordset(cast(cast(:results as text) as jsonb)) as r(id uuid, attempts_before integer, "
                        + "state varchar, next_attempt_at timestamptz, last_error varchar, sent_at timestamptz) "
                        + "where n.id = r.id and n.state = 'PENDING' and n.attempts = r.attempts_before "
                        + "returning n.id", UUID.class)
                .setParameter("results", rows.encode()).getResultList());
    }

    /** Gives back claimed notifications not attempted: only while still under this claim's lease. */
    public Uni<Integer> release(List<UUID> ids, Instant leaseUntil) {
        return ids.isEmpty() ? Uni.createFrom().item(0)
                : getSession().flatMap(session -> session.createNativeQuery(
                        "update notification set lease_until = null where id in (:ids) and lease_until = :lease")
                        .setParameter("ids", ids)
                        .setParameter("lease", leaseUntil.atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    public Uni<List<NotificationEntity>> page(NotificationState state, UUID caseId, Cursors.Key after, int limit) {
        return new PageQuery()
                .filter("state = :state", "state", state)
                .filter("caseId = :caseId", "caseId", caseId)
                .list(this, "createdAt", after, limit);
    }
}
