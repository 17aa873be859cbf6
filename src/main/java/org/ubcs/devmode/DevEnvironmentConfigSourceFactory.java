package org.ubcs.devmode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Makes {@code ./mvnw quarkus:dev} work on a machine with nothing but Java: when the dev profile is active and no
 * database is configured, it starts an embedded PostgreSQL whose data survives restarts; while the token verification
 * key is the development one, it creates that key pair if needed and writes a signed token per role.
 * <p>
 * Inert in every other profile and whenever the user configured the database or keys themselves. Quarkus calls this
 * before the datasource, Flyway and Hibernate start, and again in a fresh class loader on every live reload, so
 * "already started" is kept in system properties, which outlive class loaders.
 */
public class DevEnvironmentConfigSourceFactory implements ConfigSourceFactory {

    static final Path HOME = Path.of(System.getProperty("user.home"), ".ubcs", "dev");
    static final int POSTGRES_PORT = Integer.getInteger("ubcs.dev.postgres-port", 54329);
    static final String ISSUER = "urn:ubcs:dev"; // as %dev.mp.jwt.verify.issuer
    static final List<String> ROLES = List.of("COMPLAINTS_OFFICER", "DECISION_MAKER", "APPEAL_REVIEWER",
            "POLICY_OWNER", "CONTACT_CENTRE", "LEGAL", "AUDITOR");

    private static final String STARTED = "ubcs.dev.postgres.started";
    private static final String TOKENS_WRITTEN = "ubcs.dev.tokens.written";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        Map<String, String> properties = new HashMap<>();
        if (isUnset(context, "quarkus.datasource.reactive.url") && isUnset(context, "quarkus.datasource.jdbc.url")
                && zonkyOnClassPath()) {
            if (System.getProperty(STARTED) == null) {
                EmbeddedPostgresLauncher.start(HOME.resolve("postgres"), POSTGRES_PORT); // prints why if it cannot
                System.setProperty(STARTED, "true");
            }
            properties.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + POSTGRES_PORT + "/postgres");
            properties.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/postgres");
            properties.put("quarkus.datasource.username", "postgres");
            properties.put("quarkus.datasource.password", "postgres");
        }
        // application.properties points dev mode at the key pair in ~/.ubcs/dev/jwt unless the developer chose another.
        Path keys = HOME.resolve("jwt");
        var location = context.getValue("mp.jwt.verify.publickey.location");
        if (location != null && pointsTo(location.getValue(), keys.resolve("public.pem"))) {
            DevKeys.ensureKeyPair(keys);
            if (System.getProperty(TOKENS_WRITTEN) == null) {
                writeTokens(keys.resolve("private.pem"), HOME.resolve("tokens"));
                System.setProperty(TOKENS_WRITTEN, "true");
            }
        }
        return List.of(new PropertiesConfigSource(properties, "ubcs-dev-environment", 150));
    }

    /** One token per role, valid for a working day; rewritten at every dev start. */
    private static void writeTokens(Path privatePem, Path dir) {
        try {
            Files.createDirectories(dir);
            var key = DevKeys.readPrivateKey(privatePem);
            for (String role : ROLES) {
                String subject = "dev-" + role.toLowerCase().replace('_', '-');
                String name = "Dev " + role.charAt(0) + role.substring(1).toLowerCase().replace('_', ' ');
                Files.writeString(dir.resolve(role + ".jwt"),
                        DevKeys.token(key, ISSUER, subject, name, List.of(role), Duration.ofHours(12)));
            }
            System.out.println("ubcs dev mode: bearer tokens for every role are in " + dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write development tokens to " + dir, e);
        }
    }

    private static boolean isUnset(ConfigSourceContext context, String name) {
        var value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }

    private static boolean pointsTo(String location, Path file) {
        try {
            return location != null && location.startsWith("file:") && Path.of(URI.create(location)).equals(file);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean zonkyOnClassPath() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false,
                    DevEnvironmentConfigSourceFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
