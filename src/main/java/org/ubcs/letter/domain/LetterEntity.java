package org.ubcs.letter.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ubcs.api.model.LetterKind;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A letter to the customer, kept as it was rendered when issued. Only its sending is recorded afterwards. Personal
 * data throughout.
 */
@Entity
@Table(name = "letter")
public class LetterEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Null for a letter to a person on the register who is not a customer. */
    public UUID customerId;
    /** Null for a letter not tied to a case. */
    public UUID caseId;
    /** The register entry a letter about the register is about. */
    public UUID registerEntryId;
    @Enumerated(EnumType.STRING)
    public LetterKind kind;
    /** LetterLanguage names in the order the letter gives them; a PostgreSQL array (see V6__letters.sql). */
    public String[] languages;
    public String subject;
    @Column(columnDefinition = "text")
    public String html;
    @Column(columnDefinition = "text")
    public String bodyText;
    public Instant createdAt;
    public LocalDate sentOn;
    public String sentBySubject;
    public String sentByName;
    @Version
    public long version;
}
