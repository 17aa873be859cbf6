package org.ubcs.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.locking.AdvisoryLocks;
import org.ubcs.time.LondonClock;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.security.Actor;
import org.ubcs.web.Created;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Runs a create at most once per Idempotency-Key: the same key and body replay the first answer, the same key with
 * another body is refused. The record is written in the create's own transaction, under a lock on the key, so a
 * retry sent while the first call is still running replays it rather than failing on the record's unique key.
 */
@ApplicationScoped
public class IdempotencyService {

    static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    ObjectMapper json;

    @Inject
    LondonClock clock;

    @WithTransaction
    public Uni<Created> once(String operation, Actor actor, String key, Object request,
            Supplier<Uni<Created>> create) {
        if (key == null) {
            return create.get();
        }
        String scope = operation + " " + actor.subject();
        String hash = hash(request);
        // A client that retries while its first call is still running waits for it here, then gets its answer.
        return AdvisoryLocks.hold("ubcs-idempotency:" + scope + " " + key)
                .flatMap(held -> IdempotencyRecord.<IdempotencyRecord>find("scope = ?1 and key = ?2", scope, key)
                        .<IdempotencyRecord>firstResult())
                .flatMap(existing -> {
                    if (existing != null && existing.createdAt.isBefore(clock.now().minus(RETENTION))) {
                        return existing.delete().flatMap(deleted -> createAndRecord(scope, key, hash, create));
                    }
                    if (existing != null) {
                        if (!existing.requestHash.equals(hash)) {
                            throw ProblemException.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                    "This Idempotency-Key was first used with a different body; use a new key.");
                        }
                        return Uni.createFrom().item(new Created(existing.location, existing.etag, existing.body));
                    }
                    return createAndRecord(scope, key, hash, create);
                });
    }

    /** The answer to a create, with its representation serialised once so that a replay is byte-identical. */
    public Created created(String location, String etag, Object representation) {
        try {
            return new Created(location, etag, json.writeValueAsString(representation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the created resource", e);
        }
    }

    private Uni<Created> createAndRecord(String scope, String key, String hash, Supplier<Uni<Created>> create) {
        return create.get().call(created -> {
            IdempotencyRecord record = new IdempotencyRecord();
            record.id = UUID.randomUUID();
            record.scope = scope;
            record.key = key;
            record.requestHash = hash;
            record.location = created.location();
            record.etag = created.etag();
            record.body = created.body();
            record.createdAt = clock.now();
            return record.persist();
        });
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
