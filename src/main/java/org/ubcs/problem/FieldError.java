package org.ubcs.problem;

/** One invalid field of the body (a JSON pointer) or one invalid parameter (its name). */
public record FieldError(String pointer, String parameter, String message) {

    public static FieldError field(String pointer, String message) {
        return new FieldError(pointer, null, message);
    }

    public static FieldError parameter(String name, String message) {
        return new FieldError(null, name, message);
    }
}
