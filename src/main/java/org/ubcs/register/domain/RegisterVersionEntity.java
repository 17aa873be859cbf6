package org.ubcs.register.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.RegisterVersionState;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One version of an entry's content: a draft, the version in force, or one it replaced. */
@Entity
@Table(name = "register_entry_version")
public class RegisterVersionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID entryId;
    public int number;
    @Enumerated(EnumType.STRING)
    public RegisterVersionState state;
    @JdbcTypeCode(SqlTypes.JSON)
    public EntryContent content;
    public String authoredBySubject;
    public String authoredByName;
    public Instant authoredAt;
    /** Everyone who wrote this version's content (the author last): none of them may approve it. */
    public String[] writtenBy;
    public String approvedBySubject;
    public String approvedByName;
    public Instant approvedAt;
}
