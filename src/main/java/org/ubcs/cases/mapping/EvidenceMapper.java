package org.ubcs.cases.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.web.ApiValues;
import org.ubcs.api.model.EvidenceEntry;
import org.ubcs.api.model.EvidenceEntryInput;
import org.ubcs.cases.domain.EvidenceDraft;
import org.ubcs.cases.domain.EvidenceEntryEntity;
import org.ubcs.cases.domain.EvidenceView;

@ApplicationScoped
public class EvidenceMapper {

    public EvidenceDraft toDraft(EvidenceEntryInput input) {
        return new EvidenceDraft(input.getOccurredAt().toInstant(), input.getChannel(), input.getOfficer(),
                java.util.List.copyOf(input.getBehaviours()), input.getSummary(), input.getCorrects());
    }

    public EvidenceEntry toApi(EvidenceView view) {
        EvidenceEntryEntity entry = view.entry();
        EvidenceEntry api = new EvidenceEntry(entry.id, entry.caseId, entry.sequence,
                ApiValues.time(entry.occurredAt), entry.channel, entry.officer, entry.behaviourList(),
                entry.summary, ApiValues.actor(entry.recordedBySubject, entry.recordedByName),
                ApiValues.time(entry.recordedAt));
        api.setCorrects(entry.corrects);
        api.setCorrectedBy(view.correctedBy());
        return api;
    }
}
