package org.ubcs.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by the package phase) run as production
 * runs it, for the ITs: a process of its own on a free port, given the database URLs that {@link TestServices#start()}
 * returned as system properties and, as production is configured, the identity provider's key and issuer from the
 * environment. Its output goes to {@code target/<log name>.log}.
 */
public record PackagedService(String name, int port, Process process, Path log) {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    public static void assertJarBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase, before this test");
    }

    /** Starts one instance now; {@code settings} are further system properties (they win over {@code config}). */
    public static PackagedService launch(String name, Map<String, String> config, Map<String, String> settings)
            throws IOException {
        return launch(name, config, settings, null);
    }

    /**
     * Starts one instance; when {@code together} is given, the process is started only once every party has reached
     * the barrier, so that several instances start at the same moment (call this from one thread per instance).
     */
    public static PackagedService launch(String name, Map<String, String> config, Map<String, String> settings,
            CyclicBarrier together) throws IOException {
        int port = TestServices.freePort();
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx384m");
        config.forEach((key, value) -> {
            if (!key.startsWith("mp.jwt.")) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.get("mp.jwt.verify.publickey.location"));
        builder.environment().put("MP_JWT_VERIFY_ISSUER", config.get("mp.jwt.verify.issuer"));
        if (together != null) {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException("the instances could not start together", e);
            }
        }
        return new PackagedService(name, port, builder.start(), log);
    }

    /** The HTTP status of {@code /q/health/ready}, or -1 while nothing answers on the port. */
    public int readiness() {
        try {
            return given().port(port).get("/q/health/ready").statusCode();
        } catch (Exception notListening) {
            return -1;
        }
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (readiness() != 200) {
            if (!process.isAlive()) {
                fail(name + " exited; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting until " + name + " is ready; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + name + " is ready");
            }
        }
    }

    /** Sends SIGTERM (on Linux, {@link Process#destroy()}) and waits for the process to end. */
    public void stop() {
        process.destroy();
        process.onExit().join();
    }
}
