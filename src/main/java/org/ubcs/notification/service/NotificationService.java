package org.ubcs.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.NotificationState;
import org.ubcs.time.LondonClock;
import org.ubcs.notification.domain.NotificationConfig;
import org.ubcs.notification.domain.NotificationEntity;
import org.ubcs.notification.repository.NotificationRepository;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * The notification outbox. Events write notifications in their own transaction ({@link #notify}); delivery sends
 * them by email afterwards, retrying with a doubling wait, and records each attempt.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    Cursors cursors;

    @Inject
    NotificationRepository notifications;

    @Inject
    NotificationConfig config;

    @Inject
    ReactiveMailer mailer;

    @Inject
    LondonClock clock;

    @Inject
    NotificationMetrics metrics;

    /**
     * Writes one notification per recipient, in the caller's transaction. The same event told twice (same kind and
     * event key, as when a job is run again) writes nothing more.
     *
     * @param body only what the recipients need to know: never the case's background, evidence or reasons
     */
    public Uni<Integer> notify(String kind, String eventKey, Collection<NotificationRecipient> recipients, UUID caseId,
            String subject, String body) {
        return notifyAll(List.of(new Notice(kind, eventKey, recipients, caseId, subject, body)));
    }

    /** One event to tell, as {@link #notify} takes it. */
    public record Notice(String kind, String eventKey, Collection<NotificationRecipient> recipients, UUID caseId,
            String subject, String body) {
    }

    /**
     * Writes the notifications of many events at once, in the caller's transaction, as {@link #notify} does for one:
     * one query finds those already written (a job run again), the rest are handed to Hibernate together, so a job's
     * batch costs one look-up and one batched insert rather than a round trip per recipient.
     */
    public Uni<Integer> notifyAll(List<Notice> notices) {
        Map<String, NotificationEntity> wanted = new java.util.LinkedHashMap<>();
        Instant now = clock.now();
        for (Notice notice : notices) {
            for (NotificationRecipient recipient : notice.recipients()) {
                String key = notice.kind() + ":" + notice.eventKey() + ":" + recipient;
                wanted.computeIfAbsent(key, k -> {
                    NotificationEntity n = new NotificationEntity();
                    n.id = UUID.randomUUID();
                    n.dedupeKey = k;
                    n.kind = notice.kind();
                    n.recipient = recipient;
                    n.subject = notice.subject();
                    n.body = notice.body();
                    n.caseId = notice.caseId();
                    n.state = NotificationState.PENDING;
                    n.createdAt = now;
                    n.nextAttemptAt = now;
                    return n;
                });
            }
        }
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return notifications.existingKeys(wanted.keySet()).flatMap(existing -> {
            existing.forEach(wanted::remove);
            return wanted.isEmpty() ? Uni.createFrom().item(0)
                    : notifications.persist(wanted.values().stream()).replaceWith(wanted.size());
        });
    }

    /** What the policy owner is told of one overdue item. */
    public record OverdueNotice(String kind, UUID itemId, UUID caseId, String subject, String body) {
    }

    /** Tells the policy owner of one overdue item, once, in the caller's transaction. */
    public Uni<Integer> tellPolicyOwnerOfOverdue(OverdueNotice n) {
        return notify(n.kind(), n.itemId().toString(), List.of(NotificationRecipient.POLICY_OWNER), n.caseId(),
                n.subject(), n.body());
    }

    @WithSession
    public Uni<Page<NotificationEntity>> page(NotificationState state, UUID caseId, String cursor, int limit) {
        return notifications.page(state, caseId, cursors.decode("notifications", cursor), limit + 1)
                .map(found -> Page.of(found, limit, n -> cursors.encode("notifications", n.createdAt, n.id)));
    }

    /**
     * Delivers up to {@code limit} due notifications: claims them (safe on every replica at once), sends each
     * outside any transaction, then records the results. Returns how many were attempted.
     */
    public Uni<Integer> deliverDue(int limit) {
        Instant now = clock.now();
        return Panache.withTransaction(() -> notifications.claimDue(now, now.plus(LEASE), limit))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                        : Panache.withSession(() -> notifications.list("id in ?1", ids))
                                .flatMap(claimed -> send(claimed))
                                .flatMap(results -> Panache.withTransaction(() -> record(results)))
                                // Counted after the commit: a result that failed to be recorded is attempted again.
                                .invoke(outcomes -> outcomes.forEach(metrics::attempted))
                                .replaceWith(ids.size()));
    }

    /** Each notification's id and the error of its attempt (null: sent). */
    private Uni<Map<UUID, String>> send(List<NotificationEntity> claimed) {
        Map<UUID, String> results = new HashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (NotificationEntity n : claimed) {
            all = all.flatMap(ignored -> {
                var address = config.addressOf(n.recipient.name());
                if (address.isEmpty()) {
                    results.put(n.id, "No address is configured for " + n.recipient
                            + " (ubcs.notifications.addresses." + n.recipient + ")");
                    return Uni.createFrom().voidItem();
                }
                return mailer.send(Mail.withText(address.get(), n.subject, n.body))
                        .invoke(sent -> results.put(n.id, null))
                        .onFailure().recoverWithUni(failure -> {
                            // The SMTP server's reply, not the message: it carries no personal data.
                            String error = failure.getClass().getSimpleName() + ": "
                                    + String.valueOf(failure.getMessage());
                            results.put(n.id, error.length() > 1000 ? error.substring(0, 1000) : error);
                            LOG.warnf("Notification %s not delivered (attempt %d)", n.id, n.attempts + 1);
                            return Uni.createFrom().voidItem();
                        });
            });
        }
        return all.replaceWith(results);
    }

    /** Records each attempt's result; returns what came of each. */
    private Uni<List<NotificationMetrics.Outcome>> record(Map<UUID, String> results) {
        Instant now = clock.now();
        return notifications.list("id in ?1", results.keySet()).flatMap(found -> {
            List<NotificationMetrics.Outcome> outcomes = new ArrayList<>();
            for (NotificationEntity n : found) {
                String error = results.get(n.id);
                n.attempts++;
                n.leaseUntil = null;
                n.lastError = error;
                if (error == null) {
                    n.state = NotificationState.SENT;
                    n.sentAt = now;
                    outcomes.add(NotificationMetrics.Outcome.SENT);
                } else if (n.attempts >= config.maxAttempts()) {
                    n.state = NotificationState.FAILED;
                    outcomes.add(NotificationMetrics.Outcome.FAILED);
                } else {
                    n.nextAttemptAt = now.plus(config.firstRetryAfter().multipliedBy(1L << (n.attempts - 1)));
                    outcomes.add(NotificationMetrics.Outcome.RETRIED);
                }
            }
            return notifications.flush().replaceWith(outcomes);
        });
    }
}
