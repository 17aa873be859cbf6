package org.ubcs.cases.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ubcs.api.model.BehaviourCategory;
import org.ubcs.api.model.Channel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One dated incident or contact. Never changed: a correction is a later entry that points to it. */
@Entity
@Table(name = "evidence_entry")
public class EvidenceEntryEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    public int sequence;
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String officer;
    public String[] behaviours;
    public String summary;
    public UUID corrects;
    public String recordedBySubject;
    public String recordedByName;
    public Instant recordedAt;

    public List<BehaviourCategory> behaviourList() {
        return Arrays.stream(behaviours).map(BehaviourCategory::valueOf).toList();
    }
}
