package org.ubcs.restriction.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.api.model.RestrictionState;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One version of a restriction. A modification adds a version that supersedes this one; lifting ends it. The dates it
 * was imposed for never change: {@code effectiveUntil} is the last day it actually applies.
 */
@Entity
@Table(name = "restriction")
public class RestrictionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID customerId;
    public UUID caseId;
    public UUID decisionId;
    public boolean emergency;
    /** The id of the first version: every version of one restriction shares it. */
    public UUID lineageId;
    public int versionNumber;
    public UUID supersedes;
    public UUID supersededBy;
    public String type;
    @Convert(converter = TermsJson.class)
    @Column(columnDefinition = "text")
    public Terms terms;
    @Enumerated(EnumType.STRING)
    public RestrictionScope scope;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public LocalDate effectiveUntil;
    public String reasons;
    public String[] statutoryServices;
    public String legalBasis;
    public String adjustmentsOverride;
    public boolean lifted;
    public LocalDate liftedOn;
    public String liftingReasons;
    public String liftedBySubject;
    public String liftedByName;
    public String imposedBySubject;
    public String imposedByName;
    public Instant imposedAt;
    public String incident;
    public LocalDate assessmentDueOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public FollowUp followUp;
    /** When the policy owner was told the follow-up assessment is overdue. */
    public LocalDate overdueFlaggedOn;
    @Version
    public long lockVersion;

    /** The assessment that follows an emergency restriction. */
    public record FollowUp(String summary, UUID caseId, Actor assessedBy, Instant assessedAt) {
    }

    public RestrictionState stateOn(LocalDate today) {
        if (lifted) {
            return RestrictionState.LIFTED;
        }
        if (supersededBy != null) {
            return RestrictionState.SUPERSEDED;
        }
        if (effectiveUntil != null && effectiveUntil.isBefore(today)) {
            return RestrictionState.EXPIRED;
        }
        return RestrictionState.ACTIVE;
    }

    public boolean inForceOn(LocalDate day) {
        return !lifted && !startsOn.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }

    public boolean assessmentOverdueOn(LocalDate today) {
        return emergency && followUp == null && assessmentDueOn != null && assessmentDueOn.isBefore(today);
    }
}
