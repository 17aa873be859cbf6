package org.ubcs.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.DecisionOutcome;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A decision whether to apply the policy. Restrictions and appeals refer to it, so it has an identity of its own. */
@Entity
@Table(name = "decision")
public class DecisionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public DecisionOutcome outcome;
    public LocalDate decidedOn;
    public String reasons;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.AgreedActions agreedActions;
    public LocalDate customerToldOn;
    public LocalDate reviewOn;
    public String decidedBySubject;
    public String decidedByName;
    /** The decision maker's role label in the policy profile in force when the decision was taken. */
    public String decidedAs;
    public Instant recordedAt;
    /** The day the decision became final: its appeal window closed with no appeal live. */
    public LocalDate finalOn;
}
