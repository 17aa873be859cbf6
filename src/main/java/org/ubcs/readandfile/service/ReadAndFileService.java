package org.ubcs.readandfile.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.Channel;
import org.ubcs.api.model.ReadAndFileState;
import org.ubcs.api.model.ScreeningOutcome;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.ProblemException;
import org.ubcs.readandfile.domain.ReadAndFileItemEntity;
import org.ubcs.readandfile.repository.ReadAndFileRepository;
import org.ubcs.security.Actor;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The read-and-file screening queue. */
@ApplicationScoped
public class ReadAndFileService {

    @Inject
    Cursors cursors;

    @Inject
    ReadAndFileRepository items;

    @Inject
    AuditService audit;

    @Inject
    CalendarService calendar;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    /** Files a piece of correspondence for screening, in the transaction that records the contact. */
    public Uni<ReadAndFileItemEntity> file(Actor actor, UUID customerId, UUID caseId, UUID restrictionId,
            UUID contactId, Channel channel, Instant receivedAt) {
        ReadAndFileItemEntity item = new ReadAndFileItemEntity();
        item.id = UUID.randomUUID();
        item.customerId = customerId;
        item.caseId = caseId;
        item.restrictionId = restrictionId;
        item.contactId = contactId;
        item.channel = channel;
        item.receivedAt = receivedAt;
        return calendar.current().flatMap(days -> {
            item.dueOn = days.plus(java.time.LocalDate.ofInstant(receivedAt, LondonClock.LONDON),
                    policy.profile().readAndFileScreeningWorkingDays());
            return items.persist(item);
        }).call(() -> audit.record(actor, "CORRESPONDENCE_FILED", AuditEntityType.READ_AND_FILE_ITEM, item.id,
                caseId, List.of("channel", "receivedAt", "dueOn")));
    }

    @WithSession
    public Uni<Page<ReadAndFileItemEntity>> queue(ReadAndFileState state, String cursor, int limit) {
        return items.page(state == ReadAndFileState.SCREENED, cursors.decode("read-and-file-items", cursor), limit + 1)
                .map(found -> Page.of(found, limit, i -> cursors.encode("read-and-file-items", i.receivedAt, i.id)));
    }

    @WithSession
    public Uni<ReadAndFileItemEntity> get(UUID id) {
        return find(id);
    }

    /** Every item filed from the customer's correspondence, oldest first, in the caller's session (subject access). */
    public Uni<List<ReadAndFileItemEntity>> ofCustomer(UUID customerId) {
        return items.list("customerId = ?1 order by receivedAt, id", customerId);
    }

    @WithTransaction
    public Uni<ReadAndFileItemEntity> screen(Actor actor, UUID id, Long expectedVersion, ScreeningOutcome outcome,
            String notes) {
        return find(id).flatMap(item -> {
            ETags.requireCurrent(expectedVersion, item.version);
            if (item.screened) {
                throw ProblemException.illegalStep("This item has already been screened.", List.of());
            }
            item.screened = true;
            item.screening = new ReadAndFileItemEntity.Screening(outcome, notes, actor, clock.now());
            return items.flush().call(() -> audit.record(actor, "CORRESPONDENCE_SCREENED",
                    AuditEntityType.READ_AND_FILE_ITEM, id, item.caseId, List.of("screening")))
                    .replaceWith(item);
        });
    }

    private Uni<ReadAndFileItemEntity> find(UUID id) {
        return items.findById(id).map(item -> {
            if (item == null) {
                throw ProblemException.notFound("No filed item with this id.");
            }
            return item;
        });
    }
}
