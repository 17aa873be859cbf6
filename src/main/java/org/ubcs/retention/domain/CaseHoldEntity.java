package org.ubcs.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ubcs.api.model.CaseHoldKind;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A legal or Ombudsman-complaint hold on a case: while not released, its personal data is not removed. */
@Entity
@Table(name = "case_hold")
public class CaseHoldEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public CaseHoldKind kind;
    public String reason;
    public String setBySubject;
    public String setByName;
    public Instant setAt;
    public Instant releasedAt;
    public String releaseReason;
    public String releasedBySubject;
    public String releasedByName;
    @Version
    public long version;

    public boolean active() {
        return releasedAt == null;
    }
}
