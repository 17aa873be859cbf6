package org.ubcs.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.ReviewKind;
import org.ubcs.api.model.ReviewRecommendation;
import org.ubcs.api.model.ReviewState;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A review task (Cambridgeshire's Form B): opened ahead of the case's review date, closed by its outcome. */
@Entity
@Table(name = "review")
public class ReviewEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public ReviewKind kind;
    public LocalDate dueOn;
    public LocalDate opensOn;
    /** The reviewing role, as the policy profile names it. */
    public String assignedTo;
    @Enumerated(EnumType.STRING)
    public ReviewState state;
    public String requestReasons;
    @JdbcTypeCode(SqlTypes.JSON)
    public Outcome outcome;
    public Instant createdAt;
    @Version
    public long version;

    public record Outcome(List<String> reviewers, ReviewRecommendation recommendation, String reasons,
            LocalDate customerToldOn, LocalDate nextReviewOn, Actor recordedBy, Instant recordedAt) {
    }

    public boolean open() {
        return state == ReviewState.OPEN || state == ReviewState.ESCALATED;
    }

    public boolean overdueOn(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }
}
