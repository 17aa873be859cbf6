package org.ubcs.idempotency;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The answer given to a create sent with an Idempotency-Key, replayed when the same request comes again. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The operation and the user: keys are the client's, so they are only unique per user and operation. */
    public String scope;
    @Column(name = "idempotency_key")
    public String key;
    public String requestHash;
    public String location;
    public String etag;
    @Column(columnDefinition = "text")
    public String body;
    public Instant createdAt;
}
