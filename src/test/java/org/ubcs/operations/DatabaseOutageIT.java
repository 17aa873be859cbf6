package org.ubcs.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ubcs.devmode.DevKeys;
import org.ubcs.support.Api;
import org.ubcs.support.PackagedService;
import org.ubcs.support.TemporaryFolders;
import org.ubcs.support.TestServices;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged service loses its database and gets it back, as when PostgreSQL restarts or fails over: while it is
 * gone (refusing connections, then accepting them and never answering), reads and writes are answered 503
 * problem+json with Retry-After and readiness is down; writes caught in flight are done whole or not at all; when
 * PostgreSQL is back (same data directory, same port) the service recovers by itself, and its log has no "Result is
 * already complete" and, once the database is back, no ERROR line.
 */
class DatabaseOutageIT {

    private static final Path LOG = Path.of("target", "database-outage.log");
    private static final String OFFICER = "COMPLAINTS_OFFICER";
    /** Short, so that a timer left running by a failed acquisition would fire (and log) within the test. */
    private static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(2);

    private static final Pattern TRANSACTION_ON_LOST_CONNECTION = Pattern.compile(
            "\"loggerName\":\"org\\.hibernate\\.reactive\\.pool\\.impl\\.SqlClientConnection\",\"level\":\"ERROR\","
                    + "\"message\":\"Failed to (start a|commit|rollback) transaction: (Failed to read any response "
                    + "from the server|Connection is not active now)");

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres postgres;
    private static Process service;

    @BeforeAll
    static void startDatabaseAndService() throws Exception {
        PackagedService.assertJarBuilt();
        dataDirectory = TemporaryFolders.createDeletedAtExit("ubcs-outage-pg");
        databasePort = TestServices.freePort();
        postgres = startPostgres();
        // support.Tokens signs with the key named by this property (TestServices.PRIVATE_KEY_PROPERTY) and caches the
        // tokens for the JVM: when another IT in this JVM made a key pair, trust that one, else make one.
        String signingKey = System.getProperty("ubcs.test.jwt-private-key");
        Path keys = signingKey != null ? Path.of(signingKey).getParent() : TemporaryFolders.createDeletedAtExit("ubcs-outage-jwt");
        DevKeys.ensureKeyPair(keys);
        System.setProperty("ubcs.test.jwt-private-key", keys.resolve("private.pem").toString());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + databasePort + "/postgres");
        settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + databasePort + "/postgres");
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.datasource.password", "postgres");
        settings.put("ubcs.database.acquisition-timeout", ACQUISITION_TIMEOUT.toMillis() + "ms");
        settings.put("quarkus.log.category.\"org.ubcs.problem.DatabaseUnavailable\".level", "DEBUG");
        // No job fires on its own during the test: every request in the log is one this test made.
        for (String job : List.of("open-review-tasks", "handle-overdue-reviews", "flag-overdue-emergency-assessments",
                "close-appeal-windows", "flag-overdue-appeal-decisions", "flag-overdue-screening",
                "deliver-notifications")) {
            settings.put("ubcs.jobs." + job + ".cron", "off");
        }
        // As production is configured: the identity provider's key and issuer (PackagedService passes them in the
        // environment).
        PackagedService packaged = PackagedService.launch("database-outage", Map.of(
                "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toUri().toString(),
                "mp.jwt.verify.issuer", TestServices.ISSUER), settings);
        service = packaged.process();
        RestAssured.port = packaged.port();
        awaitUntil("the service is ready", Duration.ofSeconds(90), () -> readiness() == 200);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.destroy();
            service.onExit().join();
        }
        RestAssured.reset();
        if (postgres != null) {
            postgres.close();
        }
        if (dataDirectory != null) {
            TemporaryFolders.delete(dataDirectory); // the server is stopped: its data can go now
        }
    }

    @Test
    void answers503WhileTheDatabaseIsGoneAndRecoversByItselfWhenItIsBack() throws Exception {
        Instant start = Instant.now();
        String customer = createCustomer("Before " + UUID.randomUUID(), UUID.randomUUID().toString()).then()
                .statusCode(201).extract().path("id");
        Api.as(OFFICER).get("/customers").then().statusCode(200);
        contactCheck(customer).statusCode(200);

        // PostgreSQL stops while writes are in flight: each is either done whole (201) or not at all (503).
        Map<String, Future<Integer>> inFlight = new TreeMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger created = new AtomicInteger();
        for (int i = 0; i < 60; i++) {
            String key = UUID.randomUUID().toString();
            inFlight.put(key, clients.submit(() -> {
                int status = createCustomer("In flight " + key, key).statusCode();
                if (status == 201) {
                    created.incrementAndGet();
                }
                return status;
            }));
        }
        awaitUntil("some writes are through", Duration.ofSeconds(30), () -> created.get() >= 5);
        postgres.close();
        Instant stopped = Instant.now();
        Map<String, Integer> answers = new TreeMap<>();
        for (Map.Entry<String, Future<Integer>> call : inFlight.entrySet()) {
            answers.put(call.getKey(), call.getValue().get());
        }
        clients.shutdown();
        System.out.printf("in-flight writes when PostgreSQL stopped: %s%n", answers.values().stream()
                .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting())));
        assertTrue(answers.values().stream().allMatch(status -> status == 201 || status == 503),
                "every write caught by the outage was answered 201 or 503: " + answers);

        // While it is gone: reads and writes are 503 with Retry-After; readiness is down.
        String retried = UUID.randomUUID().toString();
        unavailable(Api.as(OFFICER).get("/customers").then());
        unavailable(Api.as(OFFICER).get("/customers/" + customer).then());
        unavailable(createCustomer("During " + retried, retried).then());
        unavailable(contactCheck(customer));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        // A database that accepts connections and never answers (hung, or cut off after the handshake): requests
        // wait for a connection no longer than the acquisition timeout, then 503.
        try (HungDatabase hung = new HungDatabase(databasePort)) {
            Instant asked = Instant.now();
            unavailable(Api.as(OFFICER).get("/customers").then());
            Duration waited = Duration.between(asked, Instant.now());
            assertTrue(waited.compareTo(ACQUISITION_TIMEOUT) >= 0 && waited.compareTo(Duration.ofSeconds(10)) < 0,
                    "answered after the acquisition timeout: " + waited);
            unavailable(contactCheck(customer));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            assertTrue(hung.accepted() > 0, "the service tried to connect");
        }

        // Back, on the same data and port: the service recovers without a restart.
        int logLinesAtRestart = Files.readAllLines(LOG).size();
        postgres = startPostgres();
        Instant restarted = Instant.now();
        awaitUntil("reads succeed again", Duration.ofSeconds(30),
                () -> Api.as(OFFICER).get("/customers").then().extract().statusCode() == 200);
        Duration recovery = Duration.between(restarted, Instant.now());
        awaitUntil("the service is ready again", Duration.ofSeconds(30), () -> readiness() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        contactCheck(customer).statusCode(200);

        // Nothing half-written: every customer the outage caught has its audit record, or does not exist at all;
        // the same Idempotency-Key sent again creates it exactly once (or replays the create that did happen).
        answers.put(retried, 503);
        int storedThough503 = 0;
        try (Connection database = postgres.getPostgresDatabase().getConnection()) {
            for (Map.Entry<String, Integer> answer : answers.entrySet()) {
                String name = (answer.getKey().equals(retried) ? "During " : "In flight ") + answer.getKey();
                long customers = count(database, "select count(*) from customer where full_name = ?", name);
                long audited = count(database, "select count(*) from audit_event a join customer c on c.id = "
                        + "a.entity_id where c.full_name = ? and a.action = 'CUSTOMER_CREATED'", name);
                assertEquals(customers, audited, "customer and its audit record, all or nothing: " + name);
                if (answer.getValue() == 201) {
                    assertEquals(1, customers, "the create answered 201 is stored: " + name);
                } else {
                    storedThough503 += (int) customers; // the commit was made, its acknowledgement lost
                    createCustomer(name, answer.getKey()).then().statusCode(201);
                    assertEquals(1, count(database, "select count(*) from customer where full_name = ?", name),
                            "retried with its Idempotency-Key, created once: " + name);
                }
            }
        }

        // A timer the outage left behind would fire one acquisition timeout after the last failed request.
        Thread.sleep(ACQUISITION_TIMEOUT.plusSeconds(1).toMillis());
        List<String> log = Files.readAllLines(LOG);
        assertTrue(log.stream().noneMatch(line -> line.contains("Result is already complete")),
                "no 'Result is already complete' in " + LOG);
        // While PostgreSQL went down, Hibernate Reactive reports each transaction whose connection it lost mid-way
        // (at most one per pooled connection); PostgreSQL rolled those back itself. Nothing else is an ERROR, and
        // once PostgreSQL is back nothing at all.
        List<String> errorsDuringOutage = log.subList(0, logLinesAtRestart).stream().filter(DatabaseOutageIT::isError)
                .filter(line -> !TRANSACTION_ON_LOST_CONNECTION.matcher(line).find()).toList();
        assertEquals(List.of(), errorsDuringOutage, "unexpected ERROR lines while PostgreSQL was down, in " + LOG);
        List<String> errorsAfter = log.subList(logLinesAtRestart, log.size()).stream().filter(DatabaseOutageIT::isError)
                .toList();
        assertEquals(List.of(), errorsAfter, "ERROR lines after PostgreSQL was back, in " + LOG);
        System.out.printf("outage test: %s in all; PostgreSQL down for %s; service answering again %s after "
                + "PostgreSQL restarted; %d creates answered 503 had been committed (acknowledgement lost); log: %d "
                + "ERROR lines, all lost transactions during the outage, %d WARN lines%n",
                Duration.between(start, Instant.now()), Duration.between(stopped, restarted), recovery,
                storedThough503, log.stream().filter(DatabaseOutageIT::isError).count(),
                log.stream().filter(line -> line.contains("\"level\":\"WARN\"")).count());
        System.out.printf("answered 503 because of: %s%n", unavailabilityCauses(log));
    }

    /** For the record: which failures the service answered 503, by the type DatabaseUnavailable found. */
    private static Map<String, Long> unavailabilityCauses(List<String> log) {
        Pattern cause = Pattern.compile("\"message\":\"The database cannot be reached \\((.*?), on ");
        return log.stream().filter(line -> line.contains("\"level\":\"DEBUG\"")).map(cause::matcher)
                .filter(java.util.regex.Matcher::find).map(found -> found.group(1))
                .collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
    }

    private static boolean isError(String line) {
        return line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR ");
    }

    /** Listens on the database's port, accepts connections and never says a word. */
    private static final class HungDatabase implements AutoCloseable {

        private final java.net.ServerSocket server;
        private final List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

        HungDatabase(int port) throws IOException {
            server = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (IOException closed) {
                    // closed by close()
                }
            }, "hung-database");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int accepted() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (java.net.Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static Response createCustomer(String name, String idempotencyKey) {
        return Api.as(OFFICER).header("Idempotency-Key", idempotencyKey).body("{\"fullName\":\"" + name + "\"}")
                .post("/customers");
    }

    private static ValidatableResponse contactCheck(String customer) {
        return Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customer + "\",\"channel\":\"TELEPHONE\"}")
                .post("/contact-checks").then();
    }

    private static void unavailable(ValidatableResponse response) {
        response.statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("urn:ubcs:problem:service-unavailable")).body("status", equalTo(503));
    }

    private static long count(Connection database, String sql, String parameter) throws SQLException {
        try (var statement = database.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int readiness() {
        try {
            return given().get("/q/health/ready").statusCode();
        } catch (Exception notListeningYet) {
            return -1;
        }
    }

    /** PostgreSQL on the test's data directory and port; its data is kept when it stops. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(databasePort).start();
    }

    private static void awaitUntil(String what, Duration timeout, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (!service.isAlive()) {
                fail("the service exited; see " + LOG);
            }
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting until " + what + "; see " + LOG);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }
}
