package org.ubcs.operations;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubcs.support.Fixtures.TODAY;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.cases.service.CaseMetrics;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.Metrics;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each business metric moves when the real thing happens through the API, by exactly what happened. The register's
 * lookups are counted in {@code RegisterLookupTest} (the register needs Stoke-on-Trent's profile); the job runs that
 * leave items out or stop, in {@code JobsTest}.
 */
@QuarkusTest
class BusinessMetricsTest {

    static final String REVIEWER = "APPEAL_REVIEWER";

    @Inject
    CaseMetrics caseMetrics;

    private static double verdicts(String verdict) {
        return Metrics.value("ubcs_contact_checks_total", "verdict", verdict);
    }

    @Test
    void contactChecksAreCountedByVerdictWhetherRecordedOrNot() {
        String customer = Fixtures.customer("Metrics Caller " + UUID.randomUUID());
        Case limited = Fixtures.applied();
        Fixtures.impose(limited, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        double allowed = verdicts("ALLOW");
        double refused = verdicts("REFUSE_CHANNEL");

        check("{\"customerId\":\"" + customer + "\",\"channel\":\"TELEPHONE\"}", "ALLOW");
        check("{\"customerId\":\"" + customer + "\",\"channel\":\"LETTER\",\"record\":true}", "ALLOW");
        check("{\"customerId\":\"" + limited.customerId() + "\",\"channel\":\"EMAIL\"}", "REFUSE_CHANNEL");

        assertEquals(allowed + 2, verdicts("ALLOW"));
        assertEquals(refused + 1, verdicts("REFUSE_CHANNEL"));
    }

    private static void check(String body, String verdict) {
        Api.as("CONTACT_CENTRE").body(body).post("/contact-checks").then().statusCode(200)
                .body("verdict", equalTo(verdict));
    }

    private double cases(String status) {
        return Metrics.value("ubcs_cases", "status", status);
    }

    @Test
    void casesAreCountedByStatusWhenCountedAgain() {
        caseMetrics.refresh().await().indefinitely();
        double referred = cases("REFERRED");
        double assessed = cases("ASSESSED");

        Case kase = Fixtures.referred();
        assertEquals(referred, cases("REFERRED"), "a scrape shows the last count; it never counts by itself");
        caseMetrics.refresh().await().indefinitely();
        assertEquals(referred + 1, cases("REFERRED"));
        assertEquals(assessed, cases("ASSESSED"));

        Fixtures.assessed(kase);
        caseMetrics.refresh().await().indefinitely();
        assertEquals(referred, cases("REFERRED"));
        assertEquals(assessed + 1, cases("ASSESSED"));
    }

    private static double notifications(String outcome) {
        return Metrics.value("ubcs_notifications_total", "outcome", outcome);
    }

    /** The notification counters now, for {@link #since}. */
    private record Outcomes(double sent, double retried, double failed) {
        static Outcomes now() {
            return new Outcomes(notifications("sent"), notifications("retried"), notifications("failed"));
        }

        Outcomes since(Outcomes before) {
            return new Outcomes(sent - before.sent, retried - before.retried, failed - before.failed);
        }

        double all() {
            return sent + retried + failed;
        }
    }

    @Test
    void everyDeliveryAttemptIsCountedAsSentRetriedOrFailed() {
        Fixtures.runJob("DELIVER_NOTIFICATIONS"); // whatever other tests left due goes first

        // A decision tells four recipients. Each attempt is counted once, after its result is recorded; the job's
        // count of attempts also holds any retry of another test's that fell due meanwhile.
        Outcomes before = Outcomes.now();
        Fixtures.decided(TODAY.minusDays(1), TODAY.plusMonths(3));
        int attempted = Fixtures.runJob("DELIVER_NOTIFICATIONS");
        Outcomes moved = Outcomes.now().since(before);
        assertEquals(attempted, moved.all());
        assertTrue(moved.sent() >= 4, "the decision's four notifications were sent: " + moved);

        TestServices.mail.stop();
        try {
            before = Outcomes.now();
            Case other = Fixtures.decided(TODAY.minusDays(1), TODAY.plusMonths(3));
            attempted = Fixtures.runJob("DELIVER_NOTIFICATIONS");
            moved = Outcomes.now().since(before);
            assertEquals(attempted, moved.all());
            assertEquals(0, moved.sent());
            assertTrue(moved.retried() >= 4, "a first failed attempt is retried later: " + moved);

            // Its last allowed attempt (ubcs.notifications.max-attempts, 5) fails: FAILED for good.
            TestServices.sql("update notification set attempts = 4, next_attempt_at = now() where case_id = ?",
                    UUID.fromString(other.id()));
            before = Outcomes.now();
            attempted = Fixtures.runJob("DELIVER_NOTIFICATIONS");
            moved = Outcomes.now().since(before);
            assertEquals(attempted, moved.all());
            assertEquals(0, moved.sent());
            assertTrue(moved.failed() >= 4, "the four last attempts failed for good: " + moved);
        } finally {
            TestServices.mail.start();
        }
    }

    @Test
    void aJobsRunIsCountedAndTimed() {
        double completed = Metrics.value("ubcs_job_runs_total", "job", "CLOSE_APPEAL_WINDOWS", "outcome",
                "completed");
        double timed = Metrics.value("ubcs_job_duration_seconds_count", "job", "CLOSE_APPEAL_WINDOWS");
        double seconds = Metrics.value("ubcs_job_duration_seconds_sum", "job", "CLOSE_APPEAL_WINDOWS");
        double itemsFailed = Metrics.value("ubcs_job_items_failed_total", "job", "CLOSE_APPEAL_WINDOWS");

        Fixtures.runJob("CLOSE_APPEAL_WINDOWS");

        assertEquals(completed + 1, Metrics.value("ubcs_job_runs_total", "job", "CLOSE_APPEAL_WINDOWS", "outcome",
                "completed"));
        assertEquals(timed + 1, Metrics.value("ubcs_job_duration_seconds_count", "job", "CLOSE_APPEAL_WINDOWS"));
        assertTrue(Metrics.value("ubcs_job_duration_seconds_sum", "job", "CLOSE_APPEAL_WINDOWS") > seconds,
                "the run's duration is added");
        assertEquals(itemsFailed, Metrics.value("ubcs_job_items_failed_total", "job", "CLOSE_APPEAL_WINDOWS"));
    }

    private static double decidedLate() {
        return Metrics.value("ubcs_appeals_decided_late_total");
    }

    @Test
    void anAppealDecidedAfterItsDueDayIsCountedAsLate() {
        double late = decidedLate();

        var onTime = lodgeAppeal();
        decideAppeal(onTime.id(), onTime.etag());
        assertEquals(late, decidedLate(), "decided by its due day: not late");

        var overdue = lodgeAppeal();
        // Its 15 working days passed yesterday, as time itself would have it.
        TestServices.sql("update appeal set decision_due_on = ? where id = ?", TODAY.minusDays(1),
                UUID.fromString(overdue.id()));
        decideAppeal(overdue.id(), overdue.etag());
        assertEquals(late + 1, decidedLate());
    }

    private record Appeal(String id, String etag) {
    }

    /** An appeal, received today, against a decision the customer was told of yesterday: on time. */
    private static Appeal lodgeAppeal() {
        Case kase = Fixtures.decidedEarlier(TODAY.minusDays(1), TODAY.plusMonths(6));
        String decision = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
        var lodged = Api.as(Fixtures.OFFICER).body("""
                {"decisionId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                 "text":"Letters only is too hard for me."}""".formatted(decision, TODAY)).post("/appeals").then()
                .statusCode(201).body("state", equalTo("LODGED")).extract();
        return new Appeal(lodged.path("id"), lodged.header("ETag"));
    }

    private static void decideAppeal(String id, String etag) {
        Api.as(REVIEWER).header("If-Match", etag)
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"Proportionate.\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + id + "/decision").then().statusCode(200).body("state", equalTo("DECIDED"));
    }

    /** Described by family (a counter's samples add {@code _total}, a summary's {@code _count} and {@code _sum}). */
    @Test
    void everyBusinessMetricIsDescribedForPrometheus() {
        String text = Metrics.scrape();
        for (var family : List.of(List.of("ubcs_contact_checks", "counter"), List.of("ubcs_cases", "gauge"),
                List.of("ubcs_notifications", "counter"), List.of("ubcs_job_runs", "counter"),
                List.of("ubcs_job_duration_seconds", "summary"), List.of("ubcs_job_items_failed", "counter"),
                List.of("ubcs_register_lookups", "counter"), List.of("ubcs_appeals_decided_late", "counter"))) {
            String name = family.get(0);
            List<String> described = text.lines().filter(line -> line.matches("# (HELP|TYPE) " + name + " .*"))
                    .toList();
            assertTrue(described.contains("# TYPE " + name + " " + family.get(1)), name + ": " + described);
            assertTrue(described.stream().anyMatch(line -> line.startsWith("# HELP " + name + " ")), name + ": "
                    + described);
        }
    }
}
