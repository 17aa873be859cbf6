package org.ubcs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ubcs.devmode.DevKeys;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;

/**
 * What the cache of verified tokens may and may not let through, with real keys and real smallrye-jwt verification.
 * Withdrawing a signing key is played by pointing the cache at a verifier that trusts only another key.
 */
class VerifiedTokenCacheTest {

    static final String ISSUER = "urn:ubcs:cache-test";

    @TempDir
    Path keysA;

    @TempDir
    Path keysB;

    @BeforeEach
    void keys() {
        DevKeys.ensureKeyPair(keysA);
        DevKeys.ensureKeyPair(keysB);
    }

    @Test
    void aTokenOutlivesTheWithdrawalOfItsKeyByNoMoreThanTheMaximumAge() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 100, Duration.ofMillis(800));
        String token = token(keysA, Duration.ofHours(1));
        assertEquals("officer", cache.parse(token).getSubject());

        cache.verifier = verifier(keysB); // the identity provider has rotated its key
        assertEquals("officer", cache.parse(token).getSubject(), "still within the maximum age");
        Thread.sleep(1_000);
        assertThrows(ParseException.class, () -> cache.parse(token), "past the maximum age it is checked again");
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 100, Duration.ofHours(1));
        String token = token(keysA, Duration.ofSeconds(2));
        cache.parse(token);
        Thread.sleep(3_100);
        assertThrows(ParseException.class, () -> cache.parse(token));
    }

    @Test
    void aFullCacheVerifiesNewTokensEveryTime() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 1, Duration.ofHours(1));
        String first = token(keysA, Duration.ofHours(1));
        String second = token(keysA, Duration.ofHours(1));
        cache.parse(first);
        cache.parse(second); // verified, but there is no room to keep it

        cache.verifier = verifier(keysB);
        assertEquals("officer", cache.parse(first).getSubject());
        assertThrows(ParseException.class, () -> cache.parse(second));
    }

    @Test
    void noEntriesTurnsItOff() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 0, Duration.ofHours(1));
        String token = token(keysA, Duration.ofHours(1));
        cache.parse(token);
        cache.verifier = verifier(keysB);
        assertThrows(ParseException.class, () -> cache.parse(token));
    }

    @Test
    void aRefusedTokenIsNeverRemembered() throws Exception {
        VerifiedTokenCache cache = cache(keysB, 100, Duration.ofHours(1));
        String token = token(keysA, Duration.ofHours(1));
        assertThrows(ParseException.class, () -> cache.parse(token));
        cache.verifier = verifier(keysA);
        assertEquals("officer", cache.parse(token).getSubject(), "verified afresh, not refused from memory");
        cache.verifier = verifier(keysB);
        assertEquals("officer", cache.parse(token).getSubject(), "the success is what is kept");
    }

    @Test
    void aTokenWhoseUserCannotBeRecordedIsRefusedAndNeverRemembered() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 100, Duration.ofHours(1));
        String token = signed(keysA, claims -> claims.put("name", "A\u0000B"));
        ParseException refused = assertThrows(ParseException.class, () -> cache.parse(token));
        assertEquals("The token was refused: the name claim must be one line without control characters (found U+0000)",
                refused.getMessage(), "refused for its name, which the reason names but never quotes");
        assertThrows(ParseException.class, () -> cache.parse(token), "checked again, not passed from memory");
    }

    /** smallrye-jwt checks the audience too; this holds even if it were configured not to. */
    @Test
    void aTokenForAnotherAudienceIsRefusedEvenIfTheVerifierLetsItThrough() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 100, Duration.ofHours(1));
        assertThrows(ParseException.class,
                () -> cache.parse(signed(keysA, claims -> claims.put("aud", "another-service"))));
        assertThrows(ParseException.class, () -> cache.parse(signed(keysA, claims -> claims.remove("aud"))));
        assertEquals("officer", cache.parse(signed(keysA, claims -> claims.put("aud",
                List.of("another-service", DevKeys.AUDIENCE)))).getSubject(), "one of several audiences is enough");
    }

    /** Where the identity provider names no audience, accepting any must be asked for; nothing else is relaxed. */
    @Test
    void anyAudienceIsAcceptedOnlyWhenAskedForAndNothingElseIsRelaxed() throws Exception {
        VerifiedTokenCache strict = cache(keysA, 100, Duration.ofHours(1));
        strict.audiences = java.util.Optional.empty();
        assertThrows(IllegalStateException.class, () -> strict.checkAudienceSetting(null), "no audience: no start");
        VerifiedTokenCache any = cache(keysA, 100, Duration.ofHours(1));
        any.audiences = java.util.Optional.empty();
        any.acceptAnyAudience = true;
        any.checkAudienceSetting(null);
        assertEquals("officer", any.parse(signed(keysA, claims -> claims.remove("aud"))).getSubject());
        assertThrows(ParseException.class, () -> any.parse(signed(keysA, claims -> {
            claims.remove("aud");
            claims.put("name", "A\u0000B");
        })), "the user's claims are still checked");
    }

    /** A token may claim a short lifetime from an {@code iat} in the future; it is refused until that time. */
    @Test
    void aTokenIssuedInTheFutureIsRefused() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 100, Duration.ofHours(1));
        long now = System.currentTimeMillis() / 1000;
        assertThrows(ParseException.class, () -> cache.parse(signed(keysA, claims -> {
            claims.put("iat", now + 3_600);
            claims.put("exp", now + 7_200);
        })));
        assertEquals("officer", cache.parse(signed(keysA, claims -> claims.put("iat", now + 30))).getSubject(),
                "within the clock skew");
    }

    /** jose4j's reason quotes every claim; Quarkus logs the reason at DEBUG. What reaches the log names the fault. */
    @Test
    void aRefusalSaysWhatWasWrongWithoutQuotingTheClaims() throws Exception {
        VerifiedTokenCache cache = cache(keysA, 100, Duration.ofHours(1));
        JWTAuthContextInfo context = context(keysA);
        context.setExpectedAudience(Set.of(DevKeys.AUDIENCE)); // smallrye-jwt refuses it, as in the service
        cache.verifier = new DefaultJWTParser(context);

        ParseException refused = assertThrows(ParseException.class, () -> cache.parse(signed(keysA, claims -> {
            claims.put("name", "Zebedee Quux");
            claims.put("aud", "another-service");
        })));
        assertEquals("SRJWT07000: Failed to verify a token (AUDIENCE_INVALID)", refused.getMessage());
        assertNull(refused.getCause(), "jose4j's exception, which quotes the claims, is left out");
    }

    private static VerifiedTokenCache cache(Path trusted, int maxEntries, Duration maxAge) throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        cache.verifier = verifier(trusted);
        cache.maxEntries = maxEntries;
        cache.maxAge = maxAge;
        cache.audiences = java.util.Optional.of(Set.of(DevKeys.AUDIENCE));
        cache.clockSkewSeconds = 60;
        return cache;
    }

    private static DefaultJWTParser verifier(Path trusted) throws Exception {
        return new DefaultJWTParser(context(trusted));
    }

    /** No expected audience: the cache's own audience check is what refuses another service's tokens here. */
    private static JWTAuthContextInfo context(Path trusted) throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(Files.readString(trusted.resolve("public.pem"))), ISSUER);
        context.setExpGracePeriodSecs(0);
        context.setClockSkew(0);
        return context;
    }

    private static String signed(Path signer, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = DevKeys.claims(ISSUER, "officer", "An Officer", List.of(Roles.COMPLAINTS_OFFICER),
                Duration.ofHours(1));
        change.accept(claims);
        return DevKeys.sign(DevKeys.readPrivateKey(signer.resolve("private.pem")), claims);
    }

    private static String token(Path signer, Duration lifetime) {
        return DevKeys.token(DevKeys.readPrivateKey(signer.resolve("private.pem")), ISSUER, "officer", "An Officer",
                List.of(Roles.COMPLAINTS_OFFICER), lifetime);
    }
}
