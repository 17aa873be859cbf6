package org.ubcs.subjectaccess.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One subject access export, in the export log: who made it, when, for which customer, in which format and why. The
 * audit trail keeps field names only, so the reason given is kept here.
 */
@Entity
@Table(name = "subject_access_export")
public class SubjectAccessExportEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID customerId;
    public Instant exportedAt;
    public String exportedBySubject;
    public String exportedByName;
    public String reason;
    /** {@code JSON} or {@code HTML}. */
    public String format;
}
