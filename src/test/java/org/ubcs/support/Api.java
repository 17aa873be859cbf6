package org.ubcs.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every request in the tests goes through here, so every exchange is validated against openapi/openapi.yaml: requests
 * and responses for well-formed calls, responses only for calls that are wrong on purpose.
 */
public final class Api {

    public static final String CONTRACT = "openapi/openapi.yaml";

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT).build());

    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .build());

    private Api() {
    }

    /** A well-formed call by the standard test user of a role. */
    public static RequestSpecification as(String role) {
        return bearer(STRICT, Tokens.forRole(role));
    }

    /** A well-formed call by a named user holding the roles. */
    public static RequestSpecification asUser(String subject, String name, String... roles) {
        return bearer(STRICT, Tokens.forUser(subject, name, roles));
    }

    /** A call that breaks the contract on purpose; only the response is validated. */
    public static RequestSpecification malformedAs(String role) {
        return bearer(RESPONSES_ONLY, Tokens.forRole(role));
    }

    /** A call with the given raw bearer token (or none); only the response is validated. */
    public static RequestSpecification withToken(String token) {
        RequestSpecification spec = given().filter(RESPONSES_ONLY).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification anonymous() {
        return withToken(null);
    }

    // Set by hand: a header set with .auth().oauth2() is invisible to the validator.
    private static RequestSpecification bearer(OpenApiValidationFilter filter, String token) {
        return given().filter(filter).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }
}
