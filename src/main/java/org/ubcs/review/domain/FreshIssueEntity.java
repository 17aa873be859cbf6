package org.ubcs.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A fresh issue the customer raised while restricted, referred to the decision maker. */
@Entity
@Table(name = "fresh_issue")
public class FreshIssueEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    public LocalDate raisedOn;
    public String summary;
    public String referredTo;
    public String recordedBySubject;
    public String recordedByName;
    public Instant recordedAt;
}
