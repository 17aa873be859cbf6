package org.ubcs.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Opaque keyset cursors: a page continues after the (time, id) of the last item of the previous one, so pages stay
 * stable while new items are added and no offset is ever scanned. Each cursor is signed for the collection that
 * issued it (HMAC-SHA-256 with a secret every replica shares, kept in the database), so one that was edited, forged
 * or taken from another collection is refused with 400 rather than read as a page.
 */
@ApplicationScoped
public class Cursors {

    private static final int SIGNATURE_BYTES = 16;

    @Inject
    AgroalDataSource database;

    private volatile SecretKeySpec key;

    /** Where a page starts: after this key, or from the beginning when the cursor is null. */
    public record Key(Instant at, UUID id) {
    }

    /** The secret is read once, at start-up, after Flyway has made it. */
    void readSecret(@Observes StartupEvent start) {
        try (var connection = database.getConnection();
                var select = connection.prepareStatement("select secret from service_secret where name = 'cursor'");
                var rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("No cursor secret in service_secret: has migration V9 run?");
            }
            key = new SecretKeySpec(rows.getBytes(1), "HmacSHA256");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the cursor secret", e);
        }
    }

    /** The cursor continuing after (at, id) in {@code collection}. */
    public String encode(String collection, Instant at, UUID id) {
        return sign(collection, at + "|" + id);
    }

    public Key decode(String collection, String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = verified(collection, cursor).split("\\|");
        try {
            if (parts.length == 2) {
                return new Key(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw notIssued();
    }

    /** The cursor continuing after a sequence number, for strictly ordered logs. */
    public String encodeSequence(String collection, long sequence) {
        return sign(collection, Long.toString(sequence));
    }

    /** The sequence number a cursor continues after; 0 when absent. */
    public long decodeSequence(String collection, String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(verified(collection, cursor));
        } catch (NumberFormatException e) {
            throw notIssued();
        }
    }

    private String sign(String collection, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        byte[] signed = ByteBuffer.allocate(bytes.length + SIGNATURE_BYTES).put(bytes)
                .put(signature(collection, bytes)).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    private String verified(String collection, String cursor) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        // Exactly as issued: the decoder ignores the unused low bits of the last character (and takes padding), so an
        // edited last character could otherwise decode to the same bytes and pass as the cursor it was made from.
        if (signed.length <= SIGNATURE_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(signed).equals(cursor)) {
            throw notIssued();
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - SIGNATURE_BYTES);
        byte[] given = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (!MessageDigest.isEqual(given, signature(collection, payload))) {
            throw notIssued();
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private byte[] signature(String collection, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(collection.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static ProblemException notIssued() {
        return ProblemException.invalid(List.of(FieldError.parameter("cursor",
                "is not a cursor this collection issued; start again from the first page")));
    }
}
