package org.ubcs.retention.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseHoldKind;
import org.ubcs.audit.service.AuditService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.problem.ProblemException;
import org.ubcs.retention.domain.CaseHoldEntity;
import org.ubcs.retention.repository.CaseHoldRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Legal and Ombudsman-complaint holds: set and released by LEGAL with a reason, each audited (field names only). */
@ApplicationScoped
public class HoldService {

    @Inject
    CaseHoldRepository holds;

    @Inject
    Cursors cursors;

    @Inject
    AuditService audit;

    @Inject
    LondonClock clock;

    @WithTransaction
    public Uni<CaseHoldEntity> set(Actor actor, UUID caseId, CaseHoldKind kind, String reason) {
        if (kind == CaseHoldKind.OPEN_APPEAL) {
            throw ProblemException.invalidField("/kind",
                    "An open appeal holds its case by itself; set LEGAL_HOLD or OMBUDSMAN_COMPLAINT.");
        }
        return requireCase(caseId).flatMap(exists -> {
            CaseHoldEntity hold = new CaseHoldEntity();
            hold.id = UUID.randomUUID();
            hold.caseId = caseId;
            hold.kind = kind;
            hold.reason = reason;
            hold.setBySubject = actor.subject();
            hold.setByName = actor.name();
            hold.setAt = clock.now();
            return holds.persist(hold).call(holds::flush)
                    .call(() -> audit.record(actor, "CASE_HOLD_SET", AuditEntityType.CASE_HOLD, hold.id, caseId,
                            List.of("kind", "reason")));
        });
    }

    @WithTransaction
    public Uni<CaseHoldEntity> release(Actor actor, UUID caseId, UUID holdId, String reason) {
        return holds.findById(holdId).flatMap(hold -> {
            if (hold == null || !hold.caseId.equals(caseId)) {
                throw ProblemException.notFound("No hold with this id on this case.");
            }
            if (!hold.active()) {
                throw ProblemException.illegalStep("The hold was released on " + hold.releasedAt + "; a hold is "
                        + "released once.", List.of());
            }
            hold.releasedAt = clock.now();
            hold.releaseReason = reason;
            hold.releasedBySubject = actor.subject();
            hold.releasedByName = actor.name();
            return holds.flush().call(() -> audit.record(actor, "CASE_HOLD_RELEASED", AuditEntityType.CASE_HOLD,
                    hold.id, caseId, List.of("active", "releaseReason", "releasedBy", "releasedAt"))).replaceWith(hold);
        });
    }

    @WithSession
    public Uni<Page<CaseHoldEntity>> list(UUID caseId, String cursor, int limit) {
        return requireCase(caseId)
                .flatMap(exists -> holds.page(caseId, cursors.decode(holdsOf(caseId), cursor), limit + 1))
                .map(found -> Page.of(found, limit, h -> cursors.encode(holdsOf(caseId), h.setAt, h.id)));
    }

    /** Each case's holds are a collection of their own: a cursor from one case's holds does not page another's. */
    private static String holdsOf(UUID caseId) {
        return "cases/" + caseId + "/holds";
    }

    /** What stops the removal of the case's personal data now; empty when nothing does. */
    @WithSession
    public Uni<List<CaseHoldKind>> heldBy(UUID caseId) {
        return holds.heldBy(caseId);
    }

    private Uni<Boolean> requireCase(UUID caseId) {
        return holds.caseExists(caseId).map(exists -> {
            if (!exists) {
                throw ProblemException.notFound("No case with this id.");
            }
            return true;
        });
    }
}
