package org.ubcs.devmode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signing keys and RS256 tokens for development and tests only. Keys are generated on the machine that uses them, so
 * no key that production would trust is ever committed. Plain JDK: a JWT is three base64url parts and a signature.
 */
public final class DevKeys {

    private DevKeys() {
    }

    /** Creates an RSA key pair in {@code dir} (private.pem, public.pem) unless one is already there. */
    public static void ensureKeyPair(Path dir) {
        Path privatePem = dir.resolve("private.pem");
        if (Files.exists(privatePem)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create development signing keys in " + dir, e);
        }
    }

    public static PrivateKey readPrivateKey(Path privatePem) {
        try {
            String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read the development signing key " + privatePem, e);
        }
    }

    /**
     * The audience dev and test tokens name; the service's default {@code mp.jwt.verify.audiences} in
     * application.properties (a developer who sets another one must also mint tokens for it).
     */
    public static final String AUDIENCE = "unacceptable-behaviour-case-service";

    /** A signed token whose {@code groups} claim carries the roles, as the council's identity provider would issue. */
    public static String token(PrivateKey key, String issuer, String subject, String name, List<String> groups,
            Duration lifetime) {
        return sign(key, claims(issuer, subject, name, groups, lifetime));
    }

    /**
     * The claims {@link #token} signs, in a map the caller may change first (tests make the tokens an identity provider
     * should never issue from it): {@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code name}, {@code groups},
     * {@code iat}, {@code exp} (from now) and a fresh {@code jti}.
     */
    public static Map<String, Object> claims(String issuer, String subject, String name, List<String> groups,
            Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("name", name);
        claims.put("groups", List.copyOf(groups));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /**
     * An RS256 token carrying exactly these claims. Values may be text, numbers, booleans, lists and maps of them, or
     * null; text is written with every character outside printable ASCII escaped, so any UTF-16 string (a NUL, a lone
     * surrogate) reaches the verifier as it was given.
     */
    public static String sign(PrivateKey key, Map<String, ?> claims) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = base64Url(header) + "." + base64Url(json(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private static String json(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(DevKeys::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> quote(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        throw new IllegalArgumentException("Cannot write a " + value.getClass().getSimpleName() + " as a claim");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
