package org.ubcs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ubcs.devmode.DevKeys;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the tests run against: a real, throwaway PostgreSQL (new temporary directory, free port) and a signing key
 * pair made for this run, whose public half the service trusts. Nothing is shared with a developer's dev database.
 */
public class TestServices implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "urn:ubcs:test";
    static final String PRIVATE_KEY_PROPERTY = "ubcs.test.jwt-private-key";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            Path keys = Files.createTempDirectory("ubcs-test-jwt");
            DevKeys.ensureKeyPair(keys);
            System.setProperty(PRIVATE_KEY_PROPERTY, keys.resolve("private.pem").toString());
            int port = postgres.getPort();
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
