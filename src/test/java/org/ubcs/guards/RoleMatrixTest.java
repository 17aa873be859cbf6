package org.ubcs.guards;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.ubcs.devmode.DevKeys;
import org.ubcs.guards.Contract.Operation;
import org.ubcs.support.Api;
import org.ubcs.support.TestServices;
import org.ubcs.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix is stated once, in the contract ({@code x-allowed-roles} on every operation), and this guard holds
 * the service to it: for every operation, no token is 401, every role outside the list is 403, every role in it
 * gets past security. Every exchange is validated against the contract by the {@link Api} filters.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String UNAUTHORIZED = "urn:ubcs:problem:unauthorized";
    private static final String FORBIDDEN = "urn:ubcs:problem:forbidden";
    private static final String ROLE = "COMPLAINTS_OFFICER";

    @Test
    void everyOperationDeclaresItsRolesAndBearerSecurity() {
        List<Operation> operations = Contract.operations();
        assertFalse(operations.isEmpty(), "the contract has no operations");
        JsonNode bearerOnly = Contract.JSON.createArrayNode()
                .add(Contract.JSON.createObjectNode().set("bearerAuth", Contract.JSON.createArrayNode()));
        JsonNode scheme = Contract.document().at("/components/securitySchemes/bearerAuth");

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals("http", scheme.path("type").asText(), "bearerAuth type"));
        checks.add(() -> assertEquals("bearer", scheme.path("scheme").asText(), "bearerAuth scheme"));
        for (Operation op : operations) {
            List<String> roles = op.allowedRoles();
            checks.add(() -> assertTrue(op.node().path("x-allowed-roles").isArray() && !roles.isEmpty(),
                    op + ": x-allowed-roles must be a non-empty list"));
            checks.add(() -> assertTrue(Contract.ROLES.containsAll(roles),
                    op + ": x-allowed-roles " + roles + " names a role that is not one of " + Contract.ROLES));
            checks.add(() -> assertEquals(roles.size(), new HashSet<>(roles).size(),
                    op + ": x-allowed-roles repeats a role: " + roles));
            // Declared on the operation, or the request validator would not check it (document level is ignored).
            checks.add(() -> assertEquals(bearerOnly, op.node().path("security"),
                    op + ": must declare security: [bearerAuth: []] itself"));
            checks.add(() -> assertTrue(op.node().path("responses").has("401"), op + ": must document 401"));
            checks.add(() -> assertTrue(op.node().path("responses").has("403"),
                    op + ": must document 403 (a token with none of the allowed roles)"));
            // The description tells readers the same roles as x-allowed-roles.
            checks.add(() -> assertEquals(Set.copyOf(roles), rolesInDescription(op),
                    op + ": the 'Roles:' line of the description and x-allowed-roles disagree"));
        }
        assertAll(checks);
    }

    @TestFactory
    Stream<DynamicNode> everyOperationForEveryRole() {
        return operationsToCall().stream().map(op -> dynamicContainer(op.toString(), Stream.concat(
                Stream.of(
                        dynamicTest("no token: 401", () -> assertUnauthorized(send(Api.anonymous(), op))),
                        dynamicTest("token with no role: 403", () -> assertForbidden(
                                send(Api.withToken(Tokens.forUser("test-no-role", "No role")), op)))),
                Contract.ROLES.stream().map(role -> op.allowedRoles().contains(role)
                        ? dynamicTest(role + ": allowed", () -> assertAllowed(send(Api.as(role), op), op, role))
                        : dynamicTest(role + ": 403", () -> assertForbidden(
                                send(Api.withToken(Tokens.forRole(role)), op)))))));
    }

    /** The operations the matrix calls: all of them, under the default profile. */
    List<Operation> operationsToCall() {
        return Contract.operations();
    }

    @Test
    void tokensThatAreNotValidAre401(@TempDir Path otherKeys) {
        Operation op = Contract.operations().stream().filter(o -> o.operationId().equals("getPolicyProfile"))
                .findFirst().orElseThrow();
        assertTrue(op.allowedRoles().contains(ROLE), "the control call must be allowed");

        // Control: the same call with a valid token of the same role gets through.
        Response control = send(Api.as(ROLE), op);
        assertEquals(200, control.statusCode(), "a valid token is accepted");

        DevKeys.ensureKeyPair(otherKeys);
        String otherKey = DevKeys.token(DevKeys.readPrivateKey(otherKeys.resolve("private.pem")),
                TestServices.ISSUER, "test-other-key", "Other key", List.of(ROLE), Duration.ofHours(1));
        String valid = Tokens.forRole(ROLE);
        String[] parts = valid.split("\\.");

        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("expired", Tokens.expired(ROLE));
        invalid.put("wrong issuer", Tokens.withIssuer("urn:ubcs:someone-else", ROLE));
        invalid.put("signed by another key", otherKey);
        invalid.put("garbage", "not-a-jwt");
        invalid.put("unsigned (alg none)", base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        invalid.put("payload changed after signing", parts[0] + "."
                + base64Url(decode(parts[1]).replace("\"" + ROLE + "\"", "\"POLICY_OWNER\"")) + "." + parts[2]);

        assertAll(invalid.entrySet().stream().map(token -> () -> {
            Response response = send(Api.withToken(token.getValue()), op);
            assertEquals(401, response.statusCode(), token.getKey() + " token");
            assertUnauthorized(response);
        }));
    }

    private static Response send(RequestSpecification spec, Operation op) {
        if (op.hasHeader("If-Match")) {
            spec.header("If-Match", "\"1\"");
        }
        if (op.node().has("requestBody")) {
            spec.body(op.exampleBody().orElseThrow(() -> new AssertionError(
                    op + " takes a body but the contract gives no example to send")));
        }
        op.requiredQuery().forEach(spec::queryParam);
        return spec.when().request(op.method(), op.concretePath()).thenReturn();
    }

    private static void assertUnauthorized(Response response) {
        response.then()
                .statusCode(401)
                .contentType(startsWith(PROBLEM_JSON))
                .header("WWW-Authenticate", matchesPattern("(?i)^Bearer\\b.*"))
                .body("type", equalTo(UNAUTHORIZED))
                .body("status", equalTo(401));
    }

    private static void assertForbidden(Response response) {
        response.then()
                .statusCode(403)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo(FORBIDDEN))
                .body("status", equalTo(403));
    }

    private static void assertAllowed(Response response, Operation op, String role) {
        int status = response.statusCode();
        String body = response.asString();
        assertNotEquals(401, status, () -> op + " refused " + role + " as unauthenticated: " + body);
        assertNotEquals(403, status, () -> op + " refused " + role + ", which x-allowed-roles allows: " + body);
        assertTrue(status < 500, () -> op + " failed for " + role + " with " + status + ": " + body);
        if (status >= 400) {
            // Whatever stopped the call (no such case, stale version...) is a documented problem, not security.
            response.then().contentType(startsWith(PROBLEM_JSON)).body("status", equalTo(status));
        }
    }

    private static Set<String> rolesInDescription(Operation op) {
        String line = op.node().path("description").asText().lines().map(String::trim)
                .filter(l -> l.startsWith("Roles:")).findFirst()
                .orElseThrow(() -> new AssertionError(op + ": the description has no 'Roles:' line"));
        String list = line.substring("Roles:".length()).trim().replaceAll("\\.$", "");
        if (list.toLowerCase(Locale.ROOT).equals("every role")) {
            return Set.copyOf(Contract.ROLES);
        }
        return Set.copyOf(Arrays.stream(list.split(",")).map(String::trim).toList());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
