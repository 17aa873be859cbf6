package org.ubcs.register.domain;

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
import org.ubcs.api.model.RegisterEntryState;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An entry on the register of potentially dangerous persons and properties. Its content is in its versions; the
 * entry points at the version in force and at a draft waiting for approval, and keeps what lookups match (the keys)
 * and answer ({@link LookupAnswer}) for the version in force, so that a lookup reads one row.
 */
@Entity
@Table(name = "register_entry")
public class RegisterEntryEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public RegisterEntryState state;
    public UUID inForceVersionId;
    public UUID pendingVersionId;
    /** The customer on record the entry is about, from its latest version, whatever its state. */
    public UUID aboutCustomerId;
    // What lookups match, from the version in force; null while none is, and once removed.
    public UUID customerId;
    public String nameKey;
    public LocalDate dateOfBirth;
    public String postcodeKey;
    public String addressKey;
    public String uprn;
    @Convert(converter = LookupAnswerJson.class)
    @Column(columnDefinition = "text")
    public LookupAnswer lookup;
    @JdbcTypeCode(SqlTypes.JSON)
    public Telling telling;
    public LocalDate nextReviewOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Removal removal;
    public String createdBySubject;
    public String createdByName;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Takes the entry out of every lookup. */
    public void forgetLookupKeys() {
        customerId = null;
        nameKey = null;
        dateOfBirth = null;
        postcodeKey = null;
        addressKey = null;
        uprn = null;
        lookup = null;
    }
}
