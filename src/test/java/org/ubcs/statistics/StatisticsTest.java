package org.ubcs.statistics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;
import org.ubcs.statistics.domain.StatisticsFigures;
import org.ubcs.statistics.domain.StatisticsPeriod;
import org.ubcs.statistics.repository.StatisticsRepository;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Statistics for a period with known activity: cases made through the API under a department only this test uses,
 * then moved with SQL into a year no other test touches (2003), as time itself would have dated them.
 */
@QuarkusTest
class StatisticsTest {

    static final String DEPARTMENT = "Statistics Test " + UUID.randomUUID();
    static final LocalDate FROM = LocalDate.of(2003, 1, 1);
    static final LocalDate TO = LocalDate.of(2003, 12, 31);
    static boolean seeded;

    /**
     * Six cases decided to apply the policy (referred 10, 20, ... 60 days before their decision), each with a
     * WITNESS_REQUIRED restriction in force; one decided not to apply it and closed; one only referred, with two
     * classifications.
     */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        LocalDate decidedOn = LocalDate.of(2003, 6, 2);
        for (int i = 1; i <= 6; i++) {
            Case kase = assessed("\"UNREASONABLY_PERSISTENT\"");
            kase = Fixtures.step(kase, Fixtures.DECIDER, "POST", "decision", Fixtures.decision("APPLY_POLICY",
                    Fixtures.TODAY.minusDays(1), Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3)));
            Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
            move(kase, decidedOn.minusDays(10L * i), decidedOn);
        }
        Case refused = assessed("\"UNACCEPTABLE_BEHAVIOUR\"");
        refused = Fixtures.step(refused, Fixtures.DECIDER, "POST", "decision", Fixtures.decision(
                "DO_NOT_APPLY_POLICY", Fixtures.TODAY.minusDays(1), Fixtures.TODAY.minusDays(1), null));
        Fixtures.step(refused, "POLICY_OWNER", "POST", "closure", "{\"reason\":\"POLICY_NOT_APPLIED\"}");
        move(refused, LocalDate.of(2003, 3, 3), LocalDate.of(2003, 4, 1));
        Fixtures.closedOn(refused, LocalDate.of(2003, 4, 2));

        Case referredOnly = referred("\"UNREASONABLY_PERSISTENT\",\"UNACCEPTABLE_BEHAVIOUR\"");
        move(referredOnly, LocalDate.of(2003, 9, 1), null);
    }

    private static Case referred(String classifications) {
        String customer = Fixtures.customer("Statistics Customer " + UUID.randomUUID());
        ExtractableResponse<Response> created = Api.as(Fixtures.OFFICER)
                .body(Fixtures.referralBody(customer, classifications).replace("\"Highways\"",
                        "\"" + DEPARTMENT + "\""))
                .post("/cases").then().statusCode(201).extract();
        return new Case(created.path("id"), created.header("ETag"), customer);
    }

    private static Case assessed(String classifications) {
        Case kase = referred(classifications);
        return Fixtures.assessed(kase);
    }

    /** Moves a case's referral, decision and restrictions' start back to the given days. */
    private static void move(Case kase, LocalDate referredOn, LocalDate decidedOn) {
        UUID id = UUID.fromString(kase.id());
        TestServices.sql("update policy_case set referred_on = ? where id = ?", referredOn, id);
        if (decidedOn != null) {
            TestServices.sql("update decision set decided_on = ?, customer_told_on = ? where case_id = ?",
                    decidedOn, decidedOn, id);
            TestServices.sql("update restriction set starts_on = ? where case_id = ?", decidedOn, id);
        }
    }

    private static JsonPath statistics(String role) {
        return Api.as(role).queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .queryParam("department", DEPARTMENT.toUpperCase()).get("/statistics").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void countsTheCasesOfThePeriodByClassificationAndSuppressesSmallCounts() {
        JsonPath json = statistics("POLICY_OWNER");
        assertEquals(DEPARTMENT.toUpperCase(), json.getString("department"));
        assertEquals(5, json.getInt("suppressBelow"));
        assertEquals(8, json.getInt("cases.referred.total.value"));
        assertEquals(Map.of("value", 7, "suppressed", false, "display", "7"),
                json.getMap("cases.referred.byClassification.find { it.classification == 'UNREASONABLY_PERSISTENT' }"
                        + ".count"));
        assertEquals(Map.of("suppressed", true, "display", "<5"), json.getMap(
                "cases.referred.byClassification.find { it.classification == 'UNACCEPTABLE_BEHAVIOUR' }.count"));
        assertEquals(Map.of("value", 0, "suppressed", false, "display", "0"), json.getMap(
                "cases.referred.byClassification.find { it.classification == 'COMPLEX' }.count"));
        assertEquals(6, json.getInt("cases.policyApplied.total.value"));
        assertEquals(Map.of("suppressed", true, "display", "<5"), json.getMap("cases.policyNotApplied.total"));
        assertEquals("<5", json.getString("cases.closed.total.display"));
        assertEquals(Map.of("value", 0, "suppressed", false, "display", "0"), json.getMap(
                "cases.closed.byClassification.find { it.classification == 'UNREASONABLY_PERSISTENT' }.count"));
    }

    @Test
    void givesTheMedianAndNinetiethPercentileOfDaysFromReferralToDecision() {
        JsonPath json = statistics("AUDITOR");
        assertEquals(7, json.getInt("daysFromReferralToDecision.decisions.value"));
        // 10, 20, 29, 30, 40, 50, 60 days: the refused case took 29
        assertEquals(30.0, json.getDouble("daysFromReferralToDecision.median.value"));
        assertEquals("30", json.getString("daysFromReferralToDecision.median.display"));
        assertEquals(54.0, json.getDouble("daysFromReferralToDecision.percentile90.value"), 1e-9);
    }

    @Test
    void countsRestrictionsImposedAndInForceByType() {
        JsonPath json = statistics("POLICY_OWNER");
        assertEquals(6, json.getInt("restrictions.imposed.total.value"));
        assertEquals(6, json.getInt("restrictions.imposed.byType.find { it.type == 'WITNESS_REQUIRED' }.count.value"));
        assertEquals(0, json.getInt("restrictions.imposed.byType.find { it.type == 'CHANNEL_LIMIT' }.count.value"));
        assertEquals(6, json.getInt("restrictions.inForceAtEnd.total.value"));
        assertEquals(0, json.getInt("restrictions.lifted.total.value"));
        assertEquals(0, json.getInt("emergencyRestrictions.imposed.value"));
        assertEquals(0, json.getInt("appeals.lodged.value"));
        assertEquals(0, json.getInt("reviews.held.value"));
        assertEquals(0, json.getInt("readAndFile.received.value"));
        assertEquals(0, json.getInt("contactChecks.total.value"));
        org.junit.jupiter.api.Assertions.assertNull(json.get("register"), "the default profile keeps no register");
    }

    @Test
    void aQuietPeriodCountsNothingAndHasNoPercentiles() {
        Api.as("AUDITOR").queryParam("from", "2002-01-01").queryParam("to", "2002-01-31")
                .queryParam("department", DEPARTMENT).get("/statistics").then().statusCode(200)
                .body("cases.referred.total.value", equalTo(0))
                .body("daysFromReferralToDecision.median.display", equalTo("none"))
                .body("daysFromReferralToDecision.median.value", nullValue());
    }

    @Test
    void theCsvHoldsTheSameFiguresAsTheJson() {
        JsonPath json = statistics("AUDITOR");
        String csv = Api.as("AUDITOR").accept("text/csv").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).queryParam("department", DEPARTMENT.toUpperCase())
                .get("/statistics").then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .extract().asString();
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        assertEquals("section,figure,breakdown,value", lines.remove(0));
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            assertEquals(4, cells.length, line);
            rows.put(cells[0] + "," + cells[1] + "," + cells[2], cells[3]);
        }
        assertEquals(FROM.toString(), rows.get("period,from,"));
        assertEquals(DEPARTMENT.toUpperCase(), rows.get("period,department,"));
        assertEquals("5", rows.get("period,suppressBelow,"));
        assertEquals(json.getString("cases.referred.total.display"), rows.get("cases,referred,ALL"));
        for (String classification : List.of("UNREASONABLY_PERSISTENT", "UNACCEPTABLE_BEHAVIOUR", "COMPLEX")) {
            for (String figure : List.of("referred", "policyApplied", "policyNotApplied", "closed")) {
                assertEquals(json.getString("cases." + figure + ".byClassification.find { it.classification == '"
                        + classification + "' }.count.display"),
                        rows.get("cases," + figure + "," + classification), figure + " " + classification);
            }
        }
        assertEquals("<5", rows.get("cases,policyNotApplied,ALL"));
        assertEquals(json.getString("daysFromReferralToDecision.median.display"),
                rows.get("daysFromReferralToDecision,median,"));
        assertEquals("6", rows.get("restrictions,imposed,WITNESS_REQUIRED"));
        assertEquals(json.getString("restrictions.inForceAtEnd.total.display"),
                rows.get("restrictions,inForceAtEnd,ALL"));
        assertEquals("0", rows.get("emergencyRestrictions,assessmentsOverdue,"));
        assertEquals("0", rows.get("reviews,heldByOutcome,CONTINUE"));
        assertEquals("0", rows.get("appeals,decidedOnTime,"));
        assertEquals("0", rows.get("readAndFile,screenedOnTime,"));
        assertEquals("0", rows.get("contactChecks,count,ALL"));
        assertEquals("0", rows.get("contactChecks,count,READ_AND_FILE"));
        // every count of the JSON is a row of the CSV
        assertEquals(countDisplays(json.get("")), rows.size() - 4);
    }

    @SuppressWarnings("unchecked")
    private static int countDisplays(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("display")) {
                return 1;
            }
            return map.values().stream().mapToInt(StatisticsTest::countDisplays).sum();
        }
        if (node instanceof List<?> list) {
            return list.stream().mapToInt(StatisticsTest::countDisplays).sum();
        }
        return 0;
    }

    @Test
    void countsReviewsHeldAndAppealsDecidedFromTheirRecordedDates() {
        String department = "Statistics Reviews " + UUID.randomUUID();
        Case kase = StatisticsCountsTest.appliedIn(department, Fixtures.TODAY.plusDays(5));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        ExtractableResponse<Response> task = Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id())
                .get("/reviews").then().statusCode(200).extract();
        String review = task.path("items[0].id");
        String reviewEtag = Api.as(Fixtures.DECIDER).get("/reviews/" + review).then().extract().header("ETag");
        Api.as(Fixtures.DECIDER).header("If-Match", reviewEtag).body("""
                {"reviewers":["Head of Customer Contact"],"recommendation":"CONTINUE",
                 "reasons":"Contact is still daily.","customerToldOn":"%s","nextReviewOn":"%s"}"""
                .formatted(Fixtures.TODAY, Fixtures.TODAY.plusMonths(6))).post("/reviews/" + review + "/outcome")
                .then().statusCode(200);
        String decision = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
        ExtractableResponse<Response> appeal = Api.as(Fixtures.OFFICER).body("""
                {"decisionId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                 "text":"Letters only is too hard for me."}""".formatted(decision, Fixtures.TODAY))
                .post("/appeals").then().statusCode(201).extract();
        Api.as("APPEAL_REVIEWER").header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"Proportionate.\",\"customerToldOn\":\""
                        + Fixtures.TODAY + "\"}")
                .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(200);

        // As if it had all happened in 2004: the review held four days late, the appeal decided in time.
        TestServices.sql("update review set due_on = ?, opens_on = ?, outcome = jsonb_set(outcome, '{recordedAt}', "
                + "to_jsonb(?::text)) where id = ?", LocalDate.of(2004, 3, 1), LocalDate.of(2004, 2, 23),
                "2004-03-05T10:00:00Z", UUID.fromString(review));
        TestServices.sql("update appeal set received_on = ?, decision_due_on = ?, outcome = jsonb_set(outcome, "
                + "'{decidedAt}', to_jsonb(?::text)) where id = ?", LocalDate.of(2004, 4, 1),
                LocalDate.of(2004, 4, 22), "2004-04-10T10:00:00Z", UUID.fromString(appeal.path("id")));

        JsonPath json = Api.as("AUDITOR").queryParam("from", "2004-01-01").queryParam("to", "2004-12-31")
                .queryParam("department", department).get("/statistics").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("<5", json.getString("reviews.held.display"));
        assertEquals("<5", json.getString("reviews.heldByOutcome.find { it.outcome == 'CONTINUE' }.count.display"));
        assertEquals("0", json.getString("reviews.heldByOutcome.find { it.outcome == 'LIFT' }.count.display"));
        assertEquals("<5", json.getString("reviews.overdue.display"), "held four days after it was due");
        assertEquals("0", json.getString("reviews.lapsed.display"));
        assertEquals("<5", json.getString("appeals.lodged.display"));
        assertEquals("0", json.getString("appeals.late.display"));
        assertEquals("<5", json.getString("appeals.dismissed.display"));
        assertEquals("0", json.getString("appeals.upheld.display"));
        assertEquals("<5", json.getString("appeals.decidedOnTime.display"));
        // outside the period: nothing
        Api.as("AUDITOR").queryParam("from", "2005-01-01").queryParam("to", "2005-12-31")
                .queryParam("department", department).get("/statistics").then().statusCode(200)
                .body("reviews.held.display", equalTo("0")).body("appeals.dismissed.display", equalTo("0"));
    }

    @Inject
    StatisticsRepository repository;

    /**
     * The default profile keeps no register, so the API never runs the register's query here; run it directly (the
     * register's tables exist under every profile) so a profile that keeps one gets figures, not a failure.
     */
    @Test
    void theRegistersQueryRunsAndListsEveryRiskLevel() {
        StatisticsFigures.Register register = repository.register(new StatisticsPeriod(FROM, TO, null),
                Fixtures.TODAY, List.of("LOW", "MEDIUM", "HIGH")).await().indefinitely();
        assertEquals(List.of("LOW", "MEDIUM", "HIGH"), List.copyOf(register.entriesApproved().byKey().keySet()));
        assertEquals(0, register.entriesApproved().total());
        assertEquals(0, register.annualReviewsOverdue());
    }

    @Test
    void aDepartmentThatWouldRunAsASpreadsheetFormulaIsDefused() {
        String csv = Api.as("AUDITOR").accept("text/csv").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).queryParam("department", "=HYPERLINK(\"x\",1)")
                .get("/statistics").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("period,department,,\"'=HYPERLINK(\"\"x\"\",1)\"\r\n"), csv);
    }

    @Test
    void withoutADepartmentEveryDepartmentCounts() {
        JsonPath json = Api.as("POLICY_OWNER").queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/statistics").then().statusCode(200).body("department", nullValue()).extract().jsonPath();
        assertTrue(json.getInt("cases.referred.total.value") >= 8);
    }

    @Test
    void anUnsupportedMediaTypeIsNotAcceptable() {
        Api.malformedAs("AUDITOR").accept("application/xml").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/statistics").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void toBeforeFromIsRefused() {
        Api.as("AUDITOR").queryParam("from", "2003-02-01").queryParam("to", "2003-01-31").get("/statistics")
                .then().statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"))
                .body("errors[0].parameter", equalTo("to"));
    }

    @Test
    void aPeriodOfMoreThanFiveYearsIsRefused() {
        Api.as("AUDITOR").queryParam("from", "2000-01-01").queryParam("to", "2004-12-31").get("/statistics")
                .then().statusCode(200);
        Api.as("AUDITOR").queryParam("from", "2000-01-01").queryParam("to", "2005-01-01").get("/statistics")
                .then().statusCode(422).body("rule", equalTo("STATISTICS_PERIOD_TOO_LONG"));
    }

    @Test
    void missingOrUnreadableDatesAndBadDepartmentsAreBadRequests() {
        Api.malformedAs("AUDITOR").queryParam("to", "2003-01-31").get("/statistics").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("from", "2003-01-31").get("/statistics").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("from", "2003-02-30").queryParam("to", "2003-03-01")
                .get("/statistics").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("from", "yesterday").queryParam("to", "2003-03-01")
                .get("/statistics").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("from", "2003-01-01").queryParam("to", "2003-03-01")
                .queryParam("department", "Highways\u0007").get("/statistics").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("from", "2003-01-01").queryParam("to", "2003-03-01")
                .queryParam("department", "x".repeat(201)).get("/statistics").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "COMPLAINTS_OFFICER", "DECISION_MAKER", "APPEAL_REVIEWER", "CONTACT_CENTRE", "LEGAL",
            "FIELD_OFFICER" })
    void otherRolesMayNotReadStatistics(String role) {
        Api.as(role).queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/statistics").then()
                .statusCode(403);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        Api.anonymous().queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/statistics")
                .then().statusCode(401);
    }

    @Test
    void policyOwnerAndAuditorMayReadStatistics() {
        for (String role : List.of("POLICY_OWNER", "AUDITOR")) {
            Api.as(role).queryParam("from", FROM.toString()).queryParam("to", TO.toString()).get("/statistics")
                    .then().statusCode(200).body("contactChecks.byVerdict.verdict", hasItem("ALLOW"));
        }
    }
}
