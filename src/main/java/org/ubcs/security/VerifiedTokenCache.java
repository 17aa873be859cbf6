package org.ubcs.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The service's {@link JWTParser}: smallrye-jwt verifies each bearer token (signature, issuer, audience, expiry,
 * lifetime), then this adds the checks smallrye-jwt does not make, and remembers the tokens that pass all of them.
 * <p>
 * The added checks: the token names one of the expected audiences (smallrye-jwt checks this too; repeated so that
 * an unset or emptied {@code mp.jwt.verify.audiences} can never mean "any audience": it stops the service from
 * starting instead, unless {@code ubcs.security.accept-any-audience} says in so many words that any will do), it was not issued in the future (beyond the allowed clock skew; otherwise a token could claim
 * a short lifetime yet stay valid long after the maximum lifetime), and the user it names can be recorded
 * ({@link ActorClaims}). A token failing any of them is refused like any other invalid token (401), before any
 * request code runs, so nothing is written for it. Reasons name claims, never their values.
 * <p>
 * Remembering: a client sending the same token on every request (the contact centre's checks) pays for the RSA
 * signature check once rather than each time: on this 2-core machine verification cost more than the contact check's
 * query. Only tokens that passed every check are kept, keyed by the whole token, each until the earlier of its
 * {@code exp} and {@code ubcs.security.token-cache.max-age} after verification. Every check above gives the same answer
 * for the same token at any later moment, so a remembered token is one verification would still accept, with two
 * exceptions bounded by the maximum age: a token whose signing key has been withdrawn, and (were
 * {@code mp.jwt.verify.token.age} ever set) one that has grown older than that age. When the cache is full, expired
 * entries are dropped; if it is still full the token is verified but not kept. {@code max-entries=0} turns it off.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private record Verified(JsonWebToken token, long keepUntilMillis) {
    }

    /** jose4j's error codes by the names of their constants (EXPIRED, AUDIENCE_INVALID, ...). */
    private static final Map<Integer, String> JOSE4J_ERRORS = Arrays.stream(ErrorCodes.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
            .collect(Collectors.toUnmodifiableMap(VerifiedTokenCache::errorCode, Field::getName, (a, b) -> a));

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class);

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser verifier;

    @ConfigProperty(name = "ubcs.security.token-cache.max-entries", defaultValue = "2000")
    int maxEntries;

    @ConfigProperty(name = "ubcs.security.token-cache.max-age", defaultValue = "PT60S")
    Duration maxAge;

    /** The audiences a token must name. Without any, the service does not start unless told to accept any. */
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<Set<String>> audiences;

    /**
     * Accept tokens whatever their audience: only for an identity provider that names none, or the reference
     * benchmark (whose tokens carry no {@code aud}), and only together with an empty {@code mp.jwt.verify.audiences}.
     */
    @ConfigProperty(name = "ubcs.security.accept-any-audience", defaultValue = "false")
    boolean acceptAnyAudience;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    /** An audience is required unless accepting any was asked for in so many words; then it is said at every start. */
    void checkAudienceSetting(@Observes StartupEvent start) {
        if (audiences.isEmpty() && !acceptAnyAudience) {
            throw new IllegalStateException("mp.jwt.verify.audiences is empty: set the audience the identity provider "
                    + "puts in this service's tokens (or, only where it puts none, ubcs.security.accept-any-audience)");
        }
        if (acceptAnyAudience) {
            LOG.warnf("ubcs.security.accept-any-audience is set: tokens are accepted whatever their aud claim%s",
                    audiences.isPresent() ? " (but mp.jwt.verify.audiences is set too, and smallrye-jwt checks it)"
                            : "");
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null && now < known.keepUntilMillis()) {
            return known.token();
        }
        JsonWebToken fresh;
        try {
            fresh = verifier.parse(token);
        } catch (ParseException e) {
            throw withoutClaims(e);
        }
        String problem = problem(fresh, now);
        if (problem != null) {
            throw new ParseException("The token was refused: " + problem);
        }
        keep(token, fresh, now);
        return fresh;
    }

    /** What is wrong with a token smallrye-jwt has verified, or null when nothing is. */
    private String problem(JsonWebToken token, long nowMillis) {
        Set<String> named = token.getAudience();
        if (!acceptAnyAudience && (named == null || Collections.disjoint(named, audiences.orElse(Set.of())))) {
            return "its aud claim names none of the expected audiences";
        }
        if (token.getIssuedAtTime() > nowMillis / 1000 + clockSkewSeconds) {
            return "its iat claim is in the future";
        }
        return ActorClaims.problem(token);
    }

    /**
     * jose4j's reasons quote the token's whole claims set (names, e-mail addresses), and Quarkus logs the reason of a
     * refused token at DEBUG with all its causes: such a reason is replaced by jose4j's error codes, which say what
     * was wrong (EXPIRED, AUDIENCE_INVALID, ...) without quoting anything. Other reasons (an unreachable key set, a
     * lifetime too long) quote no claim values and are kept as they are.
     */
    static ParseException withoutClaims(ParseException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                String codes = invalid.getErrorDetails() == null ? "" : invalid.getErrorDetails().stream()
                        .map(error -> JOSE4J_ERRORS.getOrDefault(error.getErrorCode(), "ERROR " + error.getErrorCode()))
                        .distinct().collect(Collectors.joining(", "));
                return new ParseException(e.getMessage() + " (" + (codes.isEmpty() ? "invalid" : codes) + ")");
            }
        }
        return e;
    }

    private static int errorCode(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keep(String raw, JsonWebToken token, long now) {
        if (maxEntries <= 0 || token.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> entry.keepUntilMillis() <= now);
            if (verified.size() >= maxEntries) {
                return;
            }
        }
        long until = Math.min(token.getExpirationTime() * 1000, now + maxAge.toMillis());
        verified.put(raw, new Verified(token, until));
    }

    // Everything else smallrye-jwt offers is used rarely, if at all: straight through, never cached, without the added
    // checks. Requests are authenticated through parse(String) alone (Quarkus's MpJwtValidator).

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
