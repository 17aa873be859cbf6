package org.ubcs.cases.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseStep;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.cases.domain.EvidenceDraft;
import org.ubcs.cases.domain.EvidenceEntryEntity;
import org.ubcs.cases.domain.EvidenceView;
import org.ubcs.cases.repository.CaseRepository;
import org.ubcs.cases.repository.EvidenceRepository;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The append-only evidence log of a case. */
@ApplicationScoped
public class EvidenceService {

    @Inject
    Cursors cursors;

    @Inject
    CaseService cases;

    @Inject
    CaseRepository caseRepository;

    @Inject
    EvidenceRepository evidence;

    @Inject
    AuditService audit;

    @Inject
    LondonClock clock;

    @WithTransaction
    public Uni<EvidenceView> record(Actor actor, UUID caseId, EvidenceDraft draft) {
        return cases.requireStep(caseId, CaseStep.RECORD_EVIDENCE).flatMap(kase -> {
            DateOrder.happened("/occurredAt", draft.occurredAt(), clock.now(), clock.clockSkew());
            Uni<Void> target = draft.corrects() == null ? Uni.createFrom().voidItem()
                    : evidence.findInCase(caseId, draft.corrects()).invoke(corrected -> {
                        if (corrected == null) {
                            throw ProblemException.invalidField("/corrects",
                                    "no evidence entry with this id in this case");
                        }
                    }).replaceWithVoid();
            return target.flatMap(ok -> caseRepository.nextEvidenceSequence(caseId)).flatMap(sequence -> {
                EvidenceEntryEntity entry = new EvidenceEntryEntity();
                entry.id = UUID.randomUUID();
                entry.caseId = caseId;
                entry.sequence = sequence;
                entry.occurredAt = draft.occurredAt();
                entry.channel = draft.channel();
                entry.officer = draft.officer();
                entry.behaviours = draft.behaviours().stream().map(Enum::name).toArray(String[]::new);
                entry.summary = draft.summary();
                entry.corrects = draft.corrects();
                entry.recordedBySubject = actor.subject();
                entry.recordedByName = actor.name();
                entry.recordedAt = clock.now();
                return evidence.persist(entry)
                        .call(() -> audit.record(actor, "EVIDENCE_RECORDED", AuditEntityType.EVIDENCE_ENTRY,
                                entry.id, caseId, List.of("occurredAt", "channel", "officer", "behaviours",
                                        "summary", "corrects")))
                        .replaceWith(new EvidenceView(entry, null));
            });
        });
    }

    @WithSession
    public Uni<Page<EvidenceView>> list(UUID caseId, String cursor, int limit) {
        return cases.find(caseId)
                .flatMap(kase -> evidence.page(caseId, cursors.decodeSequence(evidenceOf(caseId), cursor), limit + 1))
                .flatMap(found -> correctedBy(caseId).map(corrections -> Page
                        .of(found, limit, e -> cursors.encodeSequence(evidenceOf(caseId), e.sequence))
                        .map(e -> new EvidenceView(e, corrections.get(e.id)))));
    }

    /** Each case's evidence is a collection of its own: a cursor from one case's log does not page another's. */
    private static String evidenceOf(UUID caseId) {
        return "cases/" + caseId + "/evidence";
    }

    /** For other capabilities that refer to an evidence entry: whether the case has it, in the caller's session. */
    public Uni<Boolean> existsInCase(UUID caseId, UUID entryId) {
        return evidence.findInCase(caseId, entryId).map(entry -> entry != null);
    }

    @WithSession
    public Uni<EvidenceView> get(UUID caseId, UUID entryId) {
        return evidence.findInCase(caseId, entryId).flatMap(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("No evidence entry with this id in this case.");
            }
            return correctedBy(caseId).map(corrections -> new EvidenceView(entry, corrections.get(entry.id)));
        });
    }

    /** For each corrected entry, the latest entry that corrects it. */
    private Uni<Map<UUID, UUID>> correctedBy(UUID caseId) {
        return evidence.corrections(caseId).map(corrections -> {
            Map<UUID, UUID> latest = new HashMap<>();
            corrections.forEach(c -> latest.put(c.corrects, c.id));
            return latest;
        });
    }
}
