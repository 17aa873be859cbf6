package org.ubcs.notification.service;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.NotificationState;
import org.ubcs.time.LondonClock;
import org.ubcs.notification.domain.AttemptResult;
import org.ubcs.notification.domain.DueNotification;
import org.ubcs.notification.domain.NotificationConfig;
import org.ubcs.notification.domain.NotificationEntity;
import org.ubcs.notification.repository.NotificationRepository;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
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
     * Writes the notifications of many events at once, in the caller's transaction, as {@link #notify} does for one
     * (a list of one): one statement writes those not already written (a job run again), so a job's batch costs one
     * round trip rather than one per recipient.
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
        return notifications.insertNew(wanted.values());
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
     * Delivers up to {@code limit} due notifications: claims them (safe on every replica at once), sends them outside
     * any transaction, a few at once ({@link NotificationConfig#concurrency()}), then records the lot in one
     * statement. Returns how many were attempted: fewer than claimed when the mail server could not be reached, which
     * also ends the job's run (it stops at a batch smaller than its size).
     */
    public Uni<Integer> deliverDue(int limit) {
        Instant now = clock.now();
        // Microseconds, as PostgreSQL keeps it: the release finds its own claims by this value.
        Instant leaseUntil = now.plus(LEASE).truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> notifications.claimDue(now, leaseUntil, limit))
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : send(claimed).flatMap(attempts -> Panache.withTransaction(() -> record(attempts, leaseUntil))
                                // Counted after the commit: a result that failed to be recorded is attempted again.
                                .invoke(outcomes -> outcomes.forEach(metrics::attempted))
                                .replaceWith((int) attempts.stream().filter(Attempt::made).count())));
    }

    /** One attempt: the notification as claimed, whether it was made, and its error (null: sent). */
    private record Attempt(DueNotification notification, boolean made, String error) {
        Attempt(DueNotification notification, String error) {
            this(notification, true, error);
        }
    }

    /**
     * Sends each claimed notification, at most {@code concurrency} at once: bounded, so a batch never opens more
     * connections than the mail client pools, and a slow server holds up a few sends rather than the batch in turn.
     * Once the mail server cannot be reached (refused, no route, unknown host), the rest of the batch is not tried:
     * it would fail the same way, each attempt using up one of the notification's retries and the run's time.
     */
    private Uni<List<Attempt>> send(List<DueNotification> claimed) {
        AtomicBoolean unreachable = new AtomicBoolean();
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(n -> unreachable.get() ? Uni.createFrom().item(new Attempt(n, false, null))
                        : attempt(n, unreachable)).merge(config.concurrency())
                .collect().asList();
    }

    private Uni<Attempt> attempt(DueNotification n, AtomicBoolean unreachable) {
        var address = config.addressOf(n.recipient().name());
        if (address.isEmpty()) {
            return Uni.createFrom().item(new Attempt(n, "No address is configured for " + n.recipient()
                    + " (ubcs.notifications.addresses." + n.recipient() + ")"));
        }
        return mailer.send(Mail.withText(address.get(), n.subject(), n.body()))
                .map(sent -> new Attempt(n, null))
                .onFailure().recoverWithItem(failure -> {
                    if (unreachable(failure)) {
                        unreachable.set(true);
                    }
                    // The SMTP server's reply, not the message: it carries no personal data.
                    String error = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage());
                    return new Attempt(n, error.length() > 1000 ? error.substring(0, 1000) : error);
                });
    }

    /** A failure to reach the mail server at all, as opposed to the server refusing this one message. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records each attempt's result, all in one statement; returns what came of each attempt recorded. The rule:
     * sent; or, failed, FAILED for good after {@code maxAttempts}; else tried again after {@code firstRetryAfter},
     * doubled for each attempt before.
     */
    private Uni<List<NotificationMetrics.Outcome>> record(List<Attempt> all, Instant leaseUntil) {
        List<Attempt> attempts = all.stream().filter(Attempt::made).toList();
        List<UUID> notAttempted = all.stream().filter(a -> !a.made()).map(a -> a.notification().id()).toList();
        Instant now = clock.now();
        Map<UUID, NotificationMetrics.Outcome> outcomes = new HashMap<>();
        List<AttemptResult> results = new ArrayList<>(attempts.size());
        for (Attempt a : attempts) {
            DueNotification n = a.notification();
            int made = n.attempts() + 1;
            if (a.error() == null) {
                results.add(new AttemptResult(n.id(), n.attempts(), NotificationState.SENT, null, null, now));
                outcomes.put(n.id(), NotificationMetrics.Outcome.SENT);
            } else if (made >= config.maxAttempts()) {
                results.add(new AttemptResult(n.id(), n.attempts(), NotificationState.FAILED, null, a.error(), null));
                outcomes.put(n.id(), NotificationMetrics.Outcome.FAILED);
            } else {
                Instant next = now.plus(config.firstRetryAfter().multipliedBy(1L << (made - 1)));
                results.add(new AttemptResult(n.id(), n.attempts(), NotificationState.PENDING, next, a.error(), null));
                outcomes.put(n.id(), NotificationMetrics.Outcome.RETRIED);
            }
        }
        logBatch(attempts, outcomes, notAttempted.size());
        // The notifications not attempted are released at once, so the next run may claim them.
        return notifications.release(notAttempted, leaseUntil)
                .chain(() -> notifications.recordAttempts(results))
                .map(recorded -> recorded.stream().map(outcomes::get).toList());
    }

    /**
     * One line per batch, not one per failed attempt: an outage of the mail server would otherwise write a line for
     * every notification due. Ids and the SMTP client's error only, as each attempt's lastError holds it (the
     * addresses are the council's own mailboxes from configuration). Each failure is at DEBUG.
     */
    private static void logBatch(List<Attempt> attempts, Map<UUID, NotificationMetrics.Outcome> outcomes,
            int notAttempted) {
        Attempt first = null;
        int failed = 0;
        for (Attempt a : attempts) {
            if (a.error() != null) {
                failed++;
                first = first == null ? a : first;
                LOG.debugf("Notification %s not delivered (attempt %d)", a.notification().id(),
                        a.notification().attempts() + 1);
            }
        }
        long retried = outcomes.values().stream().filter(o -> o == NotificationMetrics.Outcome.RETRIED).count();
        if (failed > 0) {
            LOG.warnf("Notifications not delivered: %d of %d attempts failed (%d to retry, %d failed for good); "
                    + "the first, notification %s (attempt %d): %s", failed, attempts.size(), retried,
                    failed - retried, first.notification().id(), first.notification().attempts() + 1, first.error());
            if (notAttempted > 0) {
                LOG.warnf("The mail server could not be reached: %d notifications of the batch were not attempted and "
                        + "wait for the next run", notAttempted);
            }
        } else {
            LOG.debugf("Notifications delivered: %d sent", attempts.size());
        }
    }
}
