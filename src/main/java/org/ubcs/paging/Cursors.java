package org.ubcs.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;

/**
 * Opaque keyset cursors: a page continues after the (time, id) of the last item of the previous one, so pages stay
 * stable while new items are added and no offset is ever scanned.
 */
public final class Cursors {

    private Cursors() {
    }

    /** Where a page starts: after this key, or from the beginning when the cursor is null. */
    public record Key(Instant at, UUID id) {
    }

    public static String encode(Instant at, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Key decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2) {
                return new Key(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.invalid(List.of(FieldError.parameter("cursor", "is not a cursor this service issued")));
    }

    public static String encodeSequence(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor over a sequence number (logs that are strictly ordered); 0 when absent. */
    public static long decodeSequence(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(FieldError.parameter("cursor", "is not a cursor this service issued")));
        }
    }
}
