package org.ubcs.support;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.ubcs.devmode.DevKeys;

/** Real RS256 tokens signed with this test run's key, as the council's identity provider would issue them. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The standard test user of a role: subject {@code test-<role>}. */
    public static String forRole(String role) {
        return forUser("test-" + role.toLowerCase(Locale.ROOT), "Test " + role, role);
    }

    public static String forUser(String subject, String name, String... roles) {
        return CACHE.computeIfAbsent(subject + "|" + String.join(",", roles),
                k -> DevKeys.token(key(), TestServices.ISSUER, subject, name, List.of(roles), Duration.ofHours(2)));
    }

    public static String expired(String role) {
        return DevKeys.token(key(), TestServices.ISSUER, "test-expired", "Expired", List.of(role),
                Duration.ofHours(-1));
    }

    public static String withIssuer(String issuer, String role) {
        return DevKeys.token(key(), issuer, "test-other-issuer", "Other issuer", List.of(role), Duration.ofHours(1));
    }

    /** A token issued for another service: its {@code aud} names {@code audience} only. */
    public static String withAudience(String audience, String role) {
        return withClaims(role, claims -> claims.put("aud", audience));
    }

    /** A token of the role's standard user valid for {@code lifetime} from now ({@code exp - iat}). */
    public static String withLifetime(Duration lifetime, String role) {
        return DevKeys.token(key(), TestServices.ISSUER, "test-lifetime", "Lifetime", List.of(role), lifetime);
    }

    /**
     * A token of the role's standard user (2 hours, fresh {@code jti}) with its claims changed first: put, replace or
     * remove entries of {@link DevKeys#claims}. Any string goes through as given, NUL and lone surrogates included.
     */
    public static String withClaims(String role, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = DevKeys.claims(TestServices.ISSUER, "test-" + role.toLowerCase(Locale.ROOT),
                "Test " + role, List.of(role), Duration.ofHours(2));
        change.accept(claims);
        return DevKeys.sign(key(), claims);
    }

    private static PrivateKey key() {
        String path = System.getProperty(TestServices.PRIVATE_KEY_PROPERTY);
        if (path == null) {
            throw new IllegalStateException("TestServices has not started");
        }
        return DevKeys.readPrivateKey(Path.of(path));
    }
}
