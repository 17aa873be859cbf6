package org.ubcs.web;

import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;

/**
 * Entity versions as HTTP validators: the {@code ETag} of version 3 is {@code "3"}. Every update and procedure step
 * must send the version it read as {@code If-Match}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client expects. A missing header, or {@code *} (which would overwrite whatever is there without
     * reading it), is refused with 428; one that names no version can never match, so it is refused with 412.
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.versionRequired();
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            throw ProblemException.of(ProblemType.VERSION_REQUIRED,
                    "If-Match: * would overwrite changes you have not read; send the ETag you last read instead.");
        }
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                return Long.parseLong(value.substring(1, value.length() - 1));
            } catch (NumberFormatException e) {
                throw ProblemException.staleVersion();
            }
        }
        throw ProblemException.staleVersion();
    }

    /** Refuses the change unless the entity is still at the version the client read (null: no check, for jobs). */
    public static void requireCurrent(Long expected, long current) {
        if (expected != null && expected != current) {
            throw ProblemException.staleVersion();
        }
    }
}
