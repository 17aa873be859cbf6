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
import java.util.List;
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

    /** A signed token whose {@code groups} claim carries the roles, as the council's identity provider would issue. */
    public static String token(PrivateKey key, String issuer, String subject, String name, List<String> groups,
            Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + quote(issuer) + ",\"sub\":" + quote(subject) + ",\"upn\":" + quote(subject)
                + ",\"name\":" + quote(name) + ",\"groups\":["
                + groups.stream().map(DevKeys::quote).collect(Collectors.joining(",")) + "],\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":"
                + quote(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header) + "." + base64Url(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
