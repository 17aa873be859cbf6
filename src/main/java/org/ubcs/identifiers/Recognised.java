package org.ubcs.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;

/**
 * Reads the identifiers of one request into their normal form ({@link Identifiers}), noting each that cannot be
 * recognised against its field, and then refuses them all at once with 400: a value that cannot be read is never
 * taken for "nobody".
 */
public final class Recognised {

    private final List<FieldError> errors = new ArrayList<>();

    /** E.164, or null when none was given. */
    public String phone(String text, String pointer) {
        return read(text, Identifiers::phone, pointer,
                "is not a whole phone number (with its area code, or its country code when abroad)");
    }

    /** The normal form {@code CB3 0AP}, or null when none was given. */
    public String postcode(String text, String pointer) {
        return read(text, Identifiers::postcode, pointer, "is not a UK postcode");
    }

    /** The compared form {@code CB30AP}, or null when none was given. */
    public String postcodeKey(String text, String pointer) {
        return read(text, Identifiers::postcodeKey, pointer, "is not a UK postcode");
    }

    /** The compared form of an email address, or null when none was given. */
    public String emailKey(String text, String pointer) {
        return read(text, Identifiers::emailKey, pointer, "is not an email address");
    }

    /** A UPRN's compared form (its number without leading zeros), or null when none was given. */
    public String uprnKey(String text, String pointer) {
        return read(text, Identifiers::uprnKey, pointer, "is not a UPRN (up to 12 digits)");
    }

    /** The compared form of an address's first line, or null when none was given. */
    public String addressKey(String text, String pointer) {
        return read(text, Identifiers::addressKey, pointer, "has no letters or digits to match");
    }

    /** Notes another problem with the identifiers, to be refused with the rest. */
    public void refuse(String pointer, String message) {
        errors.add(FieldError.field(pointer, message));
    }

    /** Refuses the request (400) if any identifier could not be recognised. */
    public void orRefuse() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }

    private String read(String text, Function<String, String> normalise, String pointer, String message) {
        if (text == null) {
            return null;
        }
        String normal = normalise.apply(text);
        if (normal == null) {
            errors.add(FieldError.field(pointer, message));
        }
        return normal;
    }
}
