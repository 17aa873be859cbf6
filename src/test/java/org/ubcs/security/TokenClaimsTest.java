package org.ubcs.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.devmode.DevKeys;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.TestServices;
import org.ubcs.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What a token must carry beyond a good signature and issuer, tried through HTTP with real signed tokens: the
 * service's audience, a lifetime no longer than the maximum, and a user that can be recorded. Every refusal is the
 * usual 401 problem, and a refused create writes nothing. Every exchange is validated against the contract.
 */
@QuarkusTest
class TokenClaimsTest {

    private static final String ROLE = Fixtures.OFFICER;
    private static final String UNAUTHORIZED = "urn:ubcs:problem:unauthorized";

    // ---- Audience

    @Test
    void theServiceExpectsItsOwnAudience() {
        assertEquals(DevKeys.AUDIENCE, ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class),
                "dev and test tokens name the configured audience");
    }

    @Test
    void aTokenForAnotherServiceIsRefused() {
        assertRefusedAndNothingWritten(Tokens.withAudience("another-council-service", ROLE));
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> claims.remove("aud")));
    }

    @Test
    void aTokenNamingThisServiceAmongOthersIsAccepted() {
        assertCreated(Tokens.withClaims(ROLE, claims -> claims.put("aud", List.of("another-service",
                DevKeys.AUDIENCE))));
    }

    // ---- Lifetime and clock skew

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefused() {
        assertEquals(Duration.ofHours(12), maxLifetime(), "the documented maximum");
        assertRefusedAndNothingWritten(Tokens.withLifetime(maxLifetime().plusMinutes(1), ROLE));
    }

    @Test
    void aTokenLivingExactlyTheMaximumIsAccepted() {
        // The dev tokens live this long; the tests' standard tokens live 2 hours (accepted in every other test).
        assertCreated(Tokens.withLifetime(maxLifetime(), ROLE));
    }

    /** Otherwise a token could state a short lifetime from a distant {@code iat} and stay valid for years. */
    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> {
            claims.put("iat", now + 3_600);
            claims.put("exp", now + 7_200);
        }));
    }

    @Test
    void clocksMayDisagreeByTheAllowedSkewAndNoMore() {
        long skew = ConfigProvider.getConfig().getValue("mp.jwt.verify.clock.skew", Long.class);
        assertEquals(60, skew, "the documented skew");
        long now = System.currentTimeMillis() / 1000;
        assertCreated(Tokens.withClaims(ROLE, claims -> {
            claims.put("iat", now - 600);
            claims.put("exp", now - skew / 2);
        }));
        assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> {
            claims.put("iat", now - 600);
            claims.put("exp", now - skew * 2);
        }));
    }

    // ---- The user the token names, recorded with every change

    static Stream<Named<Consumer<Map<String, Object>>>> unrecordableUsers() {
        return Stream.of(
                named("NUL in sub", claims -> claims.put("sub", "officer\u0000one")),
                named("NUL in name", claims -> claims.put("name", "Ann\u0000Lee")),
                named("1,000-character sub", claims -> claims.put("sub", "s".repeat(1_000))),
                named("1,000-character name", claims -> claims.put("name", "n".repeat(1_000))),
                named("256-character name", claims -> claims.put("name", "n".repeat(256))),
                named("name of only spaces and zero-width characters",
                        claims -> claims.put("name", " \u00a0\u200b\u200d\ufeff\u3000 ")),
                named("empty name", claims -> claims.put("name", "")),
                named("blank sub", claims -> claims.put("sub", "\u200b ")),
                named("lone surrogate in name", claims -> claims.put("name", "Ann \ud800 Lee")),
                named("line feed in name", claims -> claims.put("name", "Ann\nLee")),
                named("name is a number", claims -> claims.put("name", 42)),
                named("sub is a list", claims -> claims.put("sub", List.of("a", "b"))),
                named("no sub", claims -> claims.remove("sub")),
                named("no name, NUL in upn (the name is read from upn)", claims -> {
                    claims.remove("name");
                    claims.put("upn", "ann\u0000lee@council.example");
                }));
    }

    @ParameterizedTest
    @MethodSource("unrecordableUsers")
    void aTokenWhoseUserCannotBeRecordedIsRefusedAndNothingIsWritten(Consumer<Map<String, Object>> change) {
        assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, change));
    }

    @Test
    void lengthsCountCodePoints() {
        String name = "\ud83d\ude00".repeat(ActorClaims.MAX_LENGTH); // 255 emoji: 510 UTF-16 units
        String subject = "s".repeat(ActorClaims.MAX_LENGTH - 36) + UUID.randomUUID();
        String id = assertCreated(Tokens.withClaims(ROLE, claims -> {
            claims.put("sub", subject);
            claims.put("name", name);
        }));
        assertEquals(List.of(subject + " " + name), actors(id), "recorded as the token gave them");
    }

    @Test
    void theLongestSubjectRecordsOnceUnderAnIdempotencyKeyOnEveryScopedCreate() {
        String token = Tokens.withClaims(ROLE, claims -> claims.put("sub",
                "s".repeat(ActorClaims.MAX_LENGTH - 36) + UUID.randomUUID()));
        var kase = org.ubcs.support.Fixtures.applied();
        String entry = "{\"occurredAt\":\"2026-10-02T09:15:00Z\",\"channel\":\"TELEPHONE\",\"officer\":\"J. Smith\","
                + "\"behaviours\":[\"REPETITION\"],\"summary\":\"Called again.\"}";
        String key = "long-subject-" + UUID.randomUUID();
        String first = Api.withToken(token).header("Idempotency-Key", key).body(entry)
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201).extract().path("id");
        String again = Api.withToken(token).header("Idempotency-Key", key).body(entry)
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
    }

    @Test
    void withoutANameClaimTheNameIsReadFromUpn() {
        String upn = "ann.lee." + UUID.randomUUID() + "@council.example";
        String id = assertCreated(Tokens.withClaims(ROLE, claims -> {
            claims.remove("name");
            claims.put("upn", upn);
        }));
        assertEquals(List.of("test-complaints_officer " + upn), actors(id));
    }

    /** Claims are personal data: a refusal's reason names the claim, never its value, even at DEBUG. */
    @Test
    void refusedClaimsNeverReachTheLogs() {
        String marker = "Zebedee" + UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                    return; // the test's own HTTP client, which sends the token
                }
                StringBuilder line = new StringBuilder(record.getLoggerName() + ": " + record.getMessage() + " "
                        + Arrays.toString(record.getParameters()));
                for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                    line.append(" / ").append(t); // every cause, as a console handler would print it
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.setLevel(Level.FINE);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> claims.put("name", marker + "\u0000")));
            assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> claims.put("sub", marker.repeat(40))));
            assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> {
                claims.put("name", marker);
                claims.put("aud", "another-service");
            }));
            assertRefusedAndNothingWritten(Tokens.withClaims(ROLE, claims -> {
                claims.put("name", marker);
                claims.put("exp", System.currentTimeMillis() / 1000 + maxLifetime().toSeconds() + 60);
            }));
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        assertTrue(lines.stream().noneMatch(line -> line.contains(marker)),
                () -> "A claim in the logs: " + lines.stream().filter(l -> l.contains(marker)).toList());
    }

    // ---- Helpers

    private static Named<Consumer<Map<String, Object>>> named(String name, Consumer<Map<String, Object>> change) {
        return Named.of(name, change);
    }

    private static Duration maxLifetime() {
        return Duration.ofSeconds(ConfigProvider.getConfig().getValue("smallrye.jwt.time-to-live", Long.class));
    }

    private static String customerBody(String fullName) {
        return "{\"fullName\":\"" + fullName + "\"}";
    }

    /** A create with this token is refused as unauthenticated, and leaves no customer and no audit row behind. */
    private static void assertRefusedAndNothingWritten(String token) {
        String fullName = "Token Claims " + UUID.randomUUID();
        long customers = count("select count(*) from customer");
        long auditEvents = count("select count(*) from audit_event");
        long idempotencyRecords = count("select count(*) from idempotency_record");

        Response response = Api.withToken(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(customerBody(fullName)).post("/customers").thenReturn();
        response.then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", matchesPattern("(?i)^Bearer\\b.*"))
                .body("type", equalTo(UNAUTHORIZED))
                .body("status", equalTo(401));

        assertEquals(0, count("select count(*) from customer where full_name = ?", fullName), "no customer");
        assertEquals(customers, count("select count(*) from customer"), "no customer at all");
        assertEquals(auditEvents, count("select count(*) from audit_event"), "no audit row");
        assertEquals(idempotencyRecords, count("select count(*) from idempotency_record"), "no idempotency record");
    }

    /** A create with this token succeeds, its idempotency record included; returns the customer's id. */
    private static String assertCreated(String token) {
        return Api.withToken(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(customerBody("Token Claims " + UUID.randomUUID())).post("/customers")
                .then().statusCode(201).extract().path("id");
    }

    /** "subject name" of each audit row about the entity. */
    private static List<Object> actors(String entityId) {
        return TestServices.query("select actor_subject || ' ' || actor_name from audit_event where entity_id = ?",
                UUID.fromString(entityId));
    }

    private static long count(String sql, Object... parameters) {
        return TestServices.count(sql, parameters);
    }
}
