package org.ubcs.jobs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.PackagedService;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.TestServices;

import io.restassured.RestAssured;

/**
 * Two instances of the packaged service against one PostgreSQL, as two replicas in Kubernetes. Every job is
 * scheduled every two seconds on both, so they fire at the same moment over the same due work, and the policy owner
 * also runs each job on both at once. Each review task, notification, email and letter must exist exactly once. Each
 * test starts its own database and pair of replicas, under the policy it needs.
 */
class TwoReplicasIT {

    private static final List<String> JOBS = List.of("OPEN_REVIEW_TASKS", "HANDLE_OVERDUE_REVIEWS",
            "FLAG_OVERDUE_EMERGENCY_ASSESSMENTS", "CLOSE_APPEAL_WINDOWS", "FLAG_OVERDUE_APPEAL_DECISIONS",
            "FLAG_OVERDUE_SCREENING", "DELIVER_NOTIFICATIONS", "OPEN_REGISTER_REVIEWS",
            "FLAG_OVERDUE_REGISTER_REVIEWS");

    private TestServices services;
    private Map<String, String> config;
    private final List<PackagedService> replicas = new ArrayList<>();

    @BeforeEach
    void startOneDatabase() {
        PackagedService.assertJarBuilt();
        services = new TestServices();
        config = services.start();
    }

    /**
     * Two replicas on the test's database, each also given {@code settings} (system properties), started at the same
     * moment (a barrier releases both processes together): Flyway's lock must let two replicas migrate one database
     * together, as in a rollout of a new version with its migrations.
     */
    private void startTwoReplicas(String prefix, Map<String, String> settings) throws Exception {
        assertEquals(0, TestServices.count("select count(*) from information_schema.tables "
                + "where table_schema = 'public'"), "the database is empty");
        Map<String, String> everyTwoSeconds = new java.util.LinkedHashMap<>(settings);
        for (String job : JOBS) {
            everyTwoSeconds.put("ubcs.jobs." + job.toLowerCase().replace('_', '-') + ".cron", "0/2 * * * * ?");
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<PackagedService>> starting = List.of(prefix + "a", prefix + "b").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return PackagedService.launch("two-replicas-" + name, config, everyTwoSeconds, together);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).toList();
        starting.forEach(replica -> replicas.add(replica.join()));
        for (PackagedService replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(120));
        }
        RestAssured.port = replicas.get(0).port();
        assertEachMigrationAppliedOnce();
    }

    /**
     * Every test's pair is a rollout's first pods, or a fresh installation: two replicas started at the same moment
     * on one empty database. Flyway's lock (a PostgreSQL advisory lock, taken per migration) lets one migrate while
     * the other waits and then finds the schema up to date, or lets them share the work; either way each migration in
     * {@code db/migration} (SQL and Java) is applied exactly once and none failed, and both became ready.
     */
    private static void assertEachMigrationAppliedOnce() throws IOException {
        java.util.SortedSet<String> versions = new java.util.TreeSet<>();
        for (Path folder : List.of(Path.of("src", "main", "resources", "db", "migration"),
                Path.of("src", "main", "java", "db", "migration"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V[0-9_]+__.*"))
                        .forEach(name -> versions.add(name.substring(1, name.indexOf("__")).replace('_', '.')));
            }
        }
        assertTrue(versions.size() > 0, "migrations found");
        assertEquals(0, TestServices.count("select count(*) from flyway_schema_history where not success"),
                "failed migrations");
        assertEquals(versions, new java.util.TreeSet<>(TestServices.query("select version from flyway_schema_history "
                + "where success and version is not null group by version having count(*) = 1").stream()
                .map(String::valueOf).toList()), "each version applied exactly once");
        assertEquals(versions.size(), TestServices.count("select count(*) from flyway_schema_history "
                + "where success and version is not null"), "no version applied twice");
    }

    @AfterEach
    void stop() {
        replicas.forEach(replica -> replica.process().destroy());
        replicas.forEach(replica -> replica.process().onExit().join());
        replicas.clear();
        RestAssured.reset();
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void bothReplicasRunEveryJobOverTheSameWorkAndEachThingHappensOnce() throws Exception {
        startTwoReplicas("", Map.of()); // the default policy, Cambridgeshire's: overdue reviews lapse
        // Cases written through replica a, none of them due yet.
        List<UUID> upcoming = new ArrayList<>();
        List<UUID> overdue = new ArrayList<>();
        List<UUID> windowClosed = new ArrayList<>();
        LocalDate later = Fixtures.TODAY.plusMonths(5);
        for (int i = 0; i < 10; i++) {
            upcoming.add(id(Fixtures.decided(Fixtures.TODAY.minusDays(1), later)));
            overdue.add(id(Fixtures.decided(Fixtures.TODAY.minusDays(1), later)));
            windowClosed.add(id(Fixtures.decided(Fixtures.TODAY.minusDays(1), later)));
        }
        // Time passes for all of them at once, so both replicas' next ticks meet the same due work.
        TestServices.sql("update policy_case set next_review_on = case when id = any(string_to_array(?, ',')::uuid[]) "
                + "then ?::date else ?::date end where id = any(string_to_array(?, ',')::uuid[])", joined(upcoming),
                Fixtures.TODAY.plusDays(3), Fixtures.TODAY.minusDays(1), joined(upcoming) + "," + joined(overdue));
        TestServices.sql("update decision set decided_on = ?, customer_told_on = ? "
                + "where case_id = any(string_to_array(?, ',')::uuid[])", Fixtures.TODAY.minusDays(60),
                Fixtures.TODAY.minusDays(60), joined(windowClosed));
        // And the policy owner runs every job on both replicas at the same moment, three times over.
        for (int round = 0; round < 3; round++) {
            for (String job : JOBS) {
                runOnBothAtOnce(job);
            }
        }
        Instant runByHand = Instant.now();

        awaitUntil("every job's work is done", Duration.ofSeconds(90), () -> count(
                "select count(*) from review where case_id = any(?) and state = 'OPEN' and kind = 'SCHEDULED'",
                upcoming) == upcoming.size()
                && count("select count(*) from review where case_id = any(?) and state = 'LAPSED'", overdue)
                        == overdue.size()
                && count("select count(*) from decision where case_id = any(?) and final_on is not null",
                        windowClosed) == windowClosed.size()
                && count("select count(*) from notification where state <> 'SENT'", List.of()) == 0);
        // Let both replicas' schedules fire a few more times over work already done.
        Thread.sleep(6_000);

        for (UUID kase : upcoming) {
            assertEquals(1, count("select count(*) from review where case_id = ?", kase), "review tasks of " + kase);
        }
        for (UUID kase : overdue) {
            assertEquals(1, count("select count(*) from review where case_id = ?", kase), "review tasks of " + kase);
            assertEquals(1, count("select count(*) from letter where case_id = ? and kind = 'LAPSE'", kase),
                    "lapse letters of " + kase);
            assertEquals(1, count("select count(*) from audit_event where case_id = ? and action = 'CASE_CLOSED'",
                    kase), "closures of " + kase);
        }
        for (UUID kase : windowClosed) {
            assertEquals(1, count("select count(*) from audit_event where case_id = ? and action = 'DECISION_FINAL'",
                    kase), "decisions made final for " + kase);
        }
        // One notification per event and recipient, each emailed once, on its first attempt.
        assertEquals(0, count("select count(*) from (select case_id, kind, recipient from notification "
                + "group by case_id, kind, recipient having count(*) > 1) repeated", List.of()));
        long notifications = count("select count(*) from notification", List.of());
        assertTrue(notifications >= 5L * upcoming.size(), "notifications were written: " + notifications);
        assertEquals(notifications, count("select count(*) from notification where attempts = 1", List.of()));
        assertEquals(notifications, TestServices.mail.getReceivedMessages().length, "emails sent");

        assertEachReplicaKeptToItsScheduleWithoutError(runByHand);
    }

    @Test
    void underStokesPolicyBothReplicasOpenOneReviewPerDueRegisterEntryAndFlagEachOverdueOneOnce() throws Exception {
        startTwoReplicas("stoke-", Map.of("ubcs.policy.active", "stoke-on-trent")); // the policy with a register
        // Entries written and approved through replica a, their reviews a year away.
        List<UUID> upcoming = new ArrayList<>();
        List<UUID> overdue = new ArrayList<>();
        List<UUID> notYet = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            upcoming.add(UUID.fromString(RegisterFixtures.approved().id()));
            overdue.add(UUID.fromString(RegisterFixtures.approved().id()));
            notYet.add(UUID.fromString(RegisterFixtures.approved().id()));
        }
        // Time passes for all at once: reviews within the month's lead time, past, and not yet within it.
        TestServices.sql("update register_entry set next_review_on = case "
                + "when id = any(string_to_array(?, ',')::uuid[]) then ?::date "
                + "when id = any(string_to_array(?, ',')::uuid[]) then ?::date else ?::date end "
                + "where id = any(string_to_array(?, ',')::uuid[])", joined(upcoming), Fixtures.TODAY.plusDays(3),
                joined(overdue), Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3),
                String.join(",", joined(upcoming), joined(overdue), joined(notYet)));
        for (int round = 0; round < 3; round++) {
            for (String job : List.of("OPEN_REGISTER_REVIEWS", "FLAG_OVERDUE_REGISTER_REVIEWS",
                    "DELIVER_NOTIFICATIONS")) {
                runOnBothAtOnce(job);
            }
        }
        Instant runByHand = Instant.now();
        List<UUID> due = new ArrayList<>(upcoming);
        due.addAll(overdue);

        awaitUntil("every register review is opened and every overdue one flagged", Duration.ofSeconds(90),
                () -> count("select count(*) from register_review where entry_id = any(?)", due) == due.size()
                        && count("select count(*) from register_review where entry_id = any(?) "
                                + "and overdue_flagged_on is not null", overdue) == overdue.size()
                        && count("select count(*) from notification where state <> 'SENT'", List.of()) == 0);
        Thread.sleep(6_000);

        for (UUID entry : due) {
            assertEquals(1, count("select count(*) from register_review where entry_id = ?", entry),
                    "review tasks of " + entry);
            assertEquals(1, count("select count(*) from audit_event e join register_review r on r.id = e.entity_id "
                    + "where r.entry_id = ? and e.action = 'REGISTER_REVIEW_OPENED'", entry), "openings of " + entry);
            assertEquals(1, count("select count(*) from notification where kind = 'REGISTER_REVIEW_DUE' "
                    + "and dedupe_key like '%' || ? || '%'", entry.toString()), "decision makers told of " + entry);
        }
        for (UUID entry : overdue) {
            assertEquals(1, count("select count(*) from audit_event e join register_review r on r.id = e.entity_id "
                    + "where r.entry_id = ? and e.action = 'REGISTER_REVIEW_OVERDUE_FLAGGED'", entry),
                    "overdue flags of " + entry);
            assertEquals(1, count("select count(*) from notification n join register_review r "
                    + "on n.dedupe_key like '%' || r.id || '%' where r.entry_id = ? "
                    + "and n.kind = 'REGISTER_REVIEW_OVERDUE'", entry), "policy owner told of " + entry);
        }
        assertEquals(0, count("select count(*) from register_review where entry_id = any(?)", notYet));
        long notifications = count("select count(*) from notification", List.of());
        assertEquals(notifications, count("select count(*) from notification where attempts = 1", List.of()));
        assertEquals(notifications, TestServices.mail.getReceivedMessages().length, "emails sent");
        assertEachReplicaKeptToItsScheduleWithoutError(runByHand);
    }

    private void assertEachReplicaKeptToItsScheduleWithoutError(Instant runByHand) throws IOException {
        for (PackagedService replica : replicas) {
            for (String job : JOBS) {
                // Each replica's own schedule kept firing after the runs by hand.
                String lastRun = Api.as("AUDITOR").port(replica.port()).get("/jobs").then().statusCode(200)
                        .extract().path("items.find { it.name == '" + job + "' }.lastRun.startedAt");
                assertTrue(lastRun != null && OffsetDateTime.parse(lastRun).toInstant().isAfter(runByHand),
                        job + " ran on schedule on replica " + replica.name() + " (last run " + lastRun + ")");
            }
            String log = Files.readString(replica.log());
            // For the record: what this replica's runs did (the other replica did the rest, or held the lock).
            System.out.printf("replica %s: %s%n", replica.name(), java.util.regex.Pattern
                    .compile("Job ([A-Z_]+) processed ([0-9]+) items").matcher(log).results()
                    .map(m -> m.group(1) + "=" + m.group(2)).toList());
            // A starved event loop (a busy 2-core machine) is warned of with a VertxException: not the service's error.
            List<String> errors = log.lines().filter(line -> !line.contains("BlockedThreadChecker"))
                    .filter(line -> line.contains("ERROR") || line.contains("Exception")).toList();
            assertTrue(errors.isEmpty(), "replica " + replica.name() + " logged an error; see " + replica.log()
                    + ": " + errors);
        }
    }

    private static String joined(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    private static UUID id(Fixtures.Case kase) {
        return UUID.fromString(kase.id());
    }

    private void runOnBothAtOnce(String job) {
        CyclicBarrier together = new CyclicBarrier(replicas.size());
        List<CompletableFuture<Integer>> runs = replicas.stream().map(replica -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Api.as("POLICY_OWNER").port(replica.port()).post("/jobs/" + job + "/runs").then().extract()
                    .statusCode();
        })).toList();
        runs.forEach(run -> assertEquals(200, run.join(), job));
    }

    /** The count a query returns; its one parameter, if any, a case id or a list of them ({@code any(?)}). */
    private static long count(String sql, Object parameter) {
        if (!sql.contains("?")) {
            return TestServices.count(sql);
        }
        if (parameter instanceof List<?> ids) {
            return TestServices.count(sql.replace("any(?)", "any(string_to_array(?, ',')::uuid[])"),
                    joined(ids.stream().map(UUID.class::cast).toList()));
        }
        return TestServices.count(sql, parameter);
    }

    private static void awaitUntil(String what, Duration timeout, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }
}
