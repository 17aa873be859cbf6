package org.ubcs.problem;

import java.util.List;

/**
 * A client-facing failure raised by the rules: it becomes an RFC 9457 problem in {@link ProblemMappers}. Thrown before
 * anything is written, or inside the transaction, so a refused request changes nothing.
 */
public class ProblemException extends RuntimeException {

    static final String STALE_DETAIL =
            "The resource has changed since it was read; read it again and reapply the change.";

    private final ProblemType type;
    private final transient List<FieldError> errors;
    private final transient List<String> allowedSteps;
    private final String rule;

    private ProblemException(ProblemType type, String detail, List<FieldError> errors, List<String> allowedSteps,
            String rule) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.allowedSteps = allowedSteps;
        this.rule = rule;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, List.of(), List.of(), null);
    }

    public static ProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    /** A rule of the active policy is broken; {@code rule} is its stable name. */
    public static ProblemException policyRule(String rule, String detail) {
        return new ProblemException(ProblemType.POLICY_RULE, detail, List.of(), List.of(), rule);
    }

    /** A rule of the active policy is broken, about these fields. */
    public static ProblemException policyRule(String rule, String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.POLICY_RULE, detail, errors, List.of(), rule);
    }

    public static ProblemException illegalStep(String detail, List<String> allowedSteps) {
        return new ProblemException(ProblemType.ILLEGAL_STEP, detail, List.of(), allowedSteps, null);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return withErrors(ProblemType.VALIDATION,
                errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " not valid.", errors);
    }

    public static ProblemException withErrors(ProblemType type, String detail, List<FieldError> errors) {
        return new ProblemException(type, detail, errors, List.of(), null);
    }

    /** The If-Match names a version other than the current one. */
    public static ProblemException staleVersion() {
        return of(ProblemType.STALE_VERSION, STALE_DETAIL);
    }

    /** A change sent without the version (ETag) it was based on. */
    public static ProblemException versionRequired() {
        return of(ProblemType.VERSION_REQUIRED, "Send the ETag you last read as If-Match.");
    }

    public static ProblemException invalidField(String pointer, String message) {
        return invalid(List.of(FieldError.field(pointer, message)));
    }

    /**
     * The same failure about a part of a larger body: each field pointer is prefixed (for example a restriction's
     * {@code /startsOn} becomes {@code /restrictions/0/startsOn} in a decision).
     */
    public ProblemException at(String prefix) {
        List<FieldError> moved = errors.stream().map(e -> e.pointer() == null ? e
                : new FieldError(prefix + e.pointer(), e.parameter(), e.message())).toList();
        return new ProblemException(type, getMessage(), moved, allowedSteps, rule);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<String> allowedSteps() {
        return allowedSteps;
    }

    public String rule() {
        return rule;
    }
}
