package org.ubcs.problem;

/** Every kind of problem the service reports: one stable {@code type} URI, status and title each. */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "The body is not valid JSON"),
    UNKNOWN_PROPERTY("unknown-property", 400, "The body has a property the contract does not define"),
    WRONG_TYPE("wrong-type", 400, "A value has the wrong type"),
    UNKNOWN_ENUM_VALUE("unknown-enum-value", 400, "A value is not one of those allowed"),
    VALIDATION("validation", 400, "The request is not valid"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    REGISTER_NOT_USED("register-not-used", 404, "The register is not used"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    ILLEGAL_STEP("illegal-step", 409, "Step not allowed now"),
    STALE_VERSION("stale-version", 412, "The resource has changed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The body is too large"),
    URI_TOO_LONG("uri-too-long", 414, "The address is too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    POLICY_RULE("policy-rule", 422, "A rule of the policy is broken"),
    UNKNOWN_REFERENCE("unknown-reference", 422, "A referenced resource does not exist"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used for a different request"),
    VERSION_REQUIRED("version-required", 428, "If-Match required"),
    HEADER_FIELDS_TOO_LARGE("header-fields-too-large", 431, "The headers are too large"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    JOB_FAILED("job-failed", 500, "The job failed"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:ubcs:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
