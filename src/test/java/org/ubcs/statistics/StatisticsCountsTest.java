package org.ubcs.statistics;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The figures {@link StatisticsTest} only ever sees at zero, each made non-zero through the API and then dated, with
 * SQL, into 1996 or 1997 as time itself would have dated them (no other test uses those years). Each test counts under
 * a department of its own, so other tests' data never reaches its figures; emergency restrictions, which never have a
 * case, are counted council-wide in 1996, where only this class puts any. Each figure asserted is 0 or at least the
 * suppression threshold (5), so it is shown exactly rather than as "<5".
 */
@QuarkusTest
class StatisticsCountsTest {

    static final LocalDate YEAR_START = LocalDate.of(1997, 1, 1);
    static final LocalDate YEAR_END = LocalDate.of(1997, 12, 31);

    /** A department no other test (nor another test of this class) uses. */
    static String department(String what) {
        return "Statistics " + what + " " + UUID.randomUUID();
    }

    /** A case in {@code department}, the policy applied yesterday (the customer told the same day). */
    static Case appliedIn(String department, LocalDate reviewOn) {
        String customer = Fixtures.customer("Statistics Counts " + UUID.randomUUID());
        ExtractableResponse<Response> created = Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer,
                "\"UNREASONABLY_PERSISTENT\"").replace("\"Highways\"", "\"" + department + "\"")).post("/cases")
                .then().statusCode(201).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        kase = Fixtures.assessed(kase);
        return Fixtures.step(kase, Fixtures.DECIDER, "POST", "decision", Fixtures.decision("APPLY_POLICY",
                Fixtures.TODAY.minusDays(1), Fixtures.TODAY.minusDays(1), reviewOn));
    }

    static JsonPath statistics(LocalDate from, LocalDate to, String department) {
        var request = Api.as("AUDITOR").queryParam("from", from.toString()).queryParam("to", to.toString());
        if (department != null) {
            request = request.queryParam("department", department);
        }
        return request.get("/statistics").then().statusCode(200).extract().jsonPath();
    }

    /** A count shown exactly: its value, not suppressed, and displayed as the number. */
    static void assertCount(long expected, JsonPath json, String path) {
        assertEquals(Map.of("value", (int) expected, "suppressed", false, "display", Long.toString(expected)),
                json.getMap(path), path);
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static String etagOf(String path) {
        return Api.as(Fixtures.OFFICER).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static void lift(String restriction) {
        Api.as("POLICY_OWNER").header("If-Match", etagOf("/restrictions/" + restriction))
                .body("{\"reasons\":\"Meetings went well.\"}").post("/restrictions/" + restriction + "/lifting")
                .then().statusCode(200).body("state", equalTo("LIFTED"));
    }

    /**
     * Restrictions imposed in February 1997: five no-face-to-face and five witness-required ones lifted in March (one
     * of them modified first, so it has two versions but is one restriction), four witness-required ones left in force,
     * and a witness-required one lifted in 1998, after the period.
     */
    @Test
    void countsRestrictionsLiftedInThePeriodByType() {
        String department = department("Lifted");
        Case kase = appliedIn(department, Fixtures.TODAY.plusMonths(3));
        List<String> liftedInMarch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            liftedInMarch.add(Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}")));
        }
        String modified = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        String modifiedV2 = Api.as(Fixtures.DECIDER).header("If-Match", etagOf("/restrictions/" + modified))
                .body(Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}")).post("/restrictions/" + modified
                        + "/modification").then().statusCode(201).extract().path("id");
        liftedInMarch.add(modifiedV2);
        for (int i = 0; i < 4; i++) {
            liftedInMarch.add(Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}")));
        }
        for (int i = 0; i < 4; i++) {
            Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        }
        String liftedLater = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        liftedInMarch.forEach(StatisticsCountsTest::lift);
        lift(liftedLater);

        // As if imposed on 3 February 1997 and lifted on 14 March (the one lifted later, on 2 February 1998).
        TestServices.sql("update restriction set starts_on = ? where case_id = ?", LocalDate.of(1997, 2, 3),
                uuid(kase.id()));
        TestServices.sql("update restriction set effective_until = ? where case_id = ? and superseded_by is not null",
                LocalDate.of(1997, 2, 2), uuid(kase.id()));
        TestServices.sql("update restriction set lifted_on = ?, effective_until = ? where case_id = ? and lifted",
                LocalDate.of(1997, 3, 14), LocalDate.of(1997, 3, 13), uuid(kase.id()));
        TestServices.sql("update restriction set lifted_on = ?, effective_until = ? where id = ?",
                LocalDate.of(1998, 2, 2), LocalDate.of(1998, 2, 1), uuid(liftedLater));
        assertEquals(15, TestServices.count("select count(distinct lineage_id) from restriction where case_id = ?",
                uuid(kase.id())));

        JsonPath json = statistics(YEAR_START, YEAR_END, department);
        assertCount(10, json, "restrictions.lifted.total");
        assertCount(5, json, "restrictions.lifted.byType.find { it.type == 'NO_FACE_TO_FACE' }.count");
        assertCount(5, json, "restrictions.lifted.byType.find { it.type == 'WITNESS_REQUIRED' }.count");
        assertCount(0, json, "restrictions.lifted.byType.find { it.type == 'CHANNEL_LIMIT' }.count");
        assertCount(15, json, "restrictions.imposed.total");
        assertCount(10, json, "restrictions.imposed.byType.find { it.type == 'WITNESS_REQUIRED' }.count");
        // Still in force on 31 December 1997: the four never lifted and the one lifted in 1998.
        assertCount(5, json, "restrictions.inForceAtEnd.total");
        assertCount(5, json, "restrictions.inForceAtEnd.byType.find { it.type == 'WITNESS_REQUIRED' }.count");
        assertCount(0, json, "restrictions.inForceAtEnd.byType.find { it.type == 'NO_FACE_TO_FACE' }.count");

        // The next year: the one lifted then, nothing imposed.
        JsonPath later = statistics(LocalDate.of(1998, 1, 1), LocalDate.of(1998, 12, 31), department);
        assertEquals("<5", later.getString("restrictions.lifted.total.display"));
        assertEquals("<5", later.getString(
                "restrictions.lifted.byType.find { it.type == 'WITNESS_REQUIRED' }.count.display"));
        assertCount(0, later, "restrictions.lifted.byType.find { it.type == 'NO_FACE_TO_FACE' }.count");
        assertCount(0, later, "restrictions.imposed.total");
    }

    private static String emergency(String customer) {
        return Api.as(Fixtures.OFFICER).body("""
                {"customerId":"%s","terms":{"type":"PREMISES_BAN","premises":["Civic Centre"]},
                 "reasons":"Threatened an officer.","incident":"Shouted threats at reception."}""".formatted(customer))
                .post("/emergency-restrictions").then().statusCode(201).extract().path("id");
    }

    /** Records an emergency restriction's follow-up assessment and dates it {@code assessedAt} (an instant). */
    private static void assess(String restriction, String assessedAt) {
        Api.as(Fixtures.OFFICER).header("If-Match", etagOf("/restrictions/" + restriction))
                .body("{\"summary\":\"CCTV reviewed; case referred.\"}")
                .post("/restrictions/" + restriction + "/follow-up-assessment").then().statusCode(200);
        TestServices.sql("update restriction set follow_up = jsonb_set(follow_up, '{assessedAt}', to_jsonb(?::text)) "
                + "where id = ?", assessedAt, uuid(restriction));
    }

    /**
     * Eight emergency restrictions imposed in 1996 (emergency restrictions have no case, so these figures are
     * council-wide and only this test dates anything into 1996), and one imposed in 1995. Of the eight: three were
     * assessed by their due day (one at 23:30 on it, London time, in summer), two after it (one at 00:30 London time
     * on the next day, though still the due day in UTC) and three never.
     */
    @Test
    void countsEmergencyRestrictionsImposedAndTheirOverdueAssessments() {
        String customer = Fixtures.customer("Statistics Emergency " + UUID.randomUUID());
        List<String> imposed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            imposed.add(emergency(customer));
        }
        String before = emergency(customer);
        for (String id : imposed) {
            TestServices.sql("update restriction set starts_on = ?, effective_until = ?, assessment_due_on = ? "
                    + "where id = ?", LocalDate.of(1996, 6, 3), LocalDate.of(1996, 6, 17), LocalDate.of(1996, 6, 10),
                    uuid(id));
        }
        TestServices.sql("update restriction set starts_on = ?, effective_until = ?, assessment_due_on = ? "
                + "where id = ?", LocalDate.of(1995, 11, 6), LocalDate.of(1995, 11, 20), LocalDate.of(1995, 11, 13),
                uuid(before));
        assess(imposed.get(0), "1996-06-05T09:00:00Z");
        assess(imposed.get(1), "1996-06-10T12:00:00Z");
        assess(imposed.get(2), "1996-06-10T22:30:00Z"); // 23:30 on the 10th in London: on time
        assess(imposed.get(3), "1996-06-10T23:30:00Z"); // 00:30 on the 11th in London: late
        assess(imposed.get(4), "1996-07-01T09:00:00Z");
        assess(before, "1995-12-01T09:00:00Z"); // late, but due in 1995

        JsonPath json = statistics(LocalDate.of(1996, 1, 1), LocalDate.of(1996, 12, 31), null);
        assertCount(8, json, "emergencyRestrictions.imposed");
        assertCount(5, json, "emergencyRestrictions.assessmentsOverdue");
        assertCount(8, json, "restrictions.imposed.byType.find { it.type == 'PREMISES_BAN' }.count");
        // With a department, restrictions without a case are left out.
        JsonPath department = statistics(LocalDate.of(1996, 1, 1), LocalDate.of(1996, 12, 31), "Highways");
        assertCount(0, department, "emergencyRestrictions.imposed");
        assertCount(0, department, "emergencyRestrictions.assessmentsOverdue");
    }

    /**
     * Five cases whose scheduled review went by unheld under the default profile, which lets the restrictions lapse;
     * then dated as if the reviews had been due on 5 May 1997.
     */
    @Test
    void countsReviewsLapsedInThePeriod() {
        String department = department("Lapsed");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Case kase = appliedIn(department, Fixtures.TODAY.plusMonths(3));
            TestServices.sql("update policy_case set next_review_on = ? where id = ?", Fixtures.TODAY.minusDays(1),
                    uuid(kase.id()));
            cases.add(kase);
        }
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        for (Case kase : cases) {
            Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then().statusCode(200)
                    .body("items.state", equalTo(List.of("LAPSED")));
            TestServices.sql("update review set due_on = ?, opens_on = ? where case_id = ?", LocalDate.of(1997, 5, 5),
                    LocalDate.of(1997, 4, 28), uuid(kase.id()));
        }

        JsonPath json = statistics(YEAR_START, YEAR_END, department);
        assertCount(5, json, "reviews.lapsed");
        assertCount(5, json, "reviews.overdue");
        assertCount(0, json, "reviews.escalated");
        assertCount(0, json, "reviews.held");
        assertCount(0, statistics(LocalDate.of(1998, 1, 1), YEAR_END.plusYears(1), department), "reviews.lapsed");
    }

    private static String lodge(Case kase) {
        String decision = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
        return Api.as(Fixtures.OFFICER).body("""
                {"decisionId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                 "text":"Letters only is too hard for me."}""".formatted(decision, Fixtures.TODAY))
                .post("/appeals").then().statusCode(201).extract().path("id");
    }

    /**
     * Twelve appeals received on 7 April 1997: one in time, and eleven late (the customer told of the decision 60 days
     * before), of which five were accepted, five refused and one is still waiting for that discretion.
     */
    @Test
    void countsLateAppealsAcceptedAndRefused() {
        String department = department("Late appeals");
        List<String> late = new ArrayList<>();
        List<String> appeals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Case kase = appliedIn(department, Fixtures.TODAY.plusMonths(3));
            if (i > 0) {
                TestServices.sql("update decision set decided_on = ?, customer_told_on = ? where case_id = ?",
                        Fixtures.TODAY.minusDays(60), Fixtures.TODAY.minusDays(60), uuid(kase.id()));
            }
            String appeal = lodge(kase);
            appeals.add(appeal);
            if (i > 0) {
                late.add(appeal);
            }
        }
        Api.as(Fixtures.OFFICER).get("/appeals/" + appeals.get(0)).then().body("late", equalTo(false));
        for (int i = 0; i < 10; i++) {
            String id = late.get(i);
            String etag = Api.as("APPEAL_REVIEWER").get("/appeals/" + id).then().statusCode(200)
                    .body("state", equalTo("LATE")).extract().header("ETag");
            if (i < 5) {
                Api.as("APPEAL_REVIEWER").header("If-Match", etag)
                        .body("{\"reason\":\"The customer was in hospital.\"}")
                        .post("/appeals/" + id + "/late-acceptance").then().statusCode(200)
                        .body("state", equalTo("LODGED"));
            } else {
                Api.as("APPEAL_REVIEWER").header("If-Match", etag)
                        .body("{\"reason\":\"Six weeks late, no explanation.\",\"customerToldOn\":\"" + Fixtures.TODAY
                                + "\"}")
                        .post("/appeals/" + id + "/refusal").then().statusCode(200)
                        .body("state", equalTo("REFUSED_OUT_OF_TIME"));
            }
        }
        for (String id : appeals) {
            TestServices.sql("update appeal set received_on = ? where id = ?", LocalDate.of(1997, 4, 7), uuid(id));
        }

        JsonPath json = statistics(YEAR_START, YEAR_END, department);
        assertCount(12, json, "appeals.lodged");
        assertCount(11, json, "appeals.late");
        assertCount(5, json, "appeals.lateAccepted");
        assertCount(5, json, "appeals.lateRefused");
        assertCount(0, json, "appeals.upheld");
        assertCount(0, json, "appeals.dismissed");
    }

    private static ExtractableResponse<Response> contact(String customer, String channel, String extra) {
        return Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customer + "\",\"channel\":\"" + channel + "\""
                + extra + "}").post("/contact-checks").then().statusCode(200).extract();
    }

    private static void screen(String item) {
        String etag = Api.as(Fixtures.OFFICER).get("/read-and-file-items/" + item).then().statusCode(200)
                .extract().header("ETag");
        Api.as(Fixtures.OFFICER).header("If-Match", etag).body("{\"outcome\":\"NOTHING_NEW\"}")
                .post("/read-and-file-items/" + item + "/screening").then().statusCode(200)
                .body("state", equalTo("SCREENED"));
    }

    /**
     * Fifteen letters on a closed matter, read and filed, received on 2 June 1997 and due to be screened by 9 June:
     * five screened by then (one at 23:30 on the 9th, London time), five screened later (one at 00:30 on the 10th,
     * London time, still the 9th in UTC), five never screened.
     */
    @Test
    void countsReadAndFileItemsScreenedOnTimeLateAndNotAtAll() {
        String department = department("Read and file");
        Case kase = appliedIn(department, Fixtures.TODAY.plusMonths(3));
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}",
                "THIS_MATTER"));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            items.add(contact(kase.customerId(), "LETTER", ",\"caseId\":\"" + kase.id() + "\",\"record\":true")
                    .path("readAndFileItemId"));
        }
        for (int i = 0; i < 10; i++) {
            screen(items.get(i));
        }
        TestServices.sql("update read_and_file_item set received_at = ?::timestamptz, due_on = ? where case_id = ?",
                "1997-06-02T09:00:00Z", LocalDate.of(1997, 6, 9), uuid(kase.id()));
        List<String> screenedAt = List.of("1997-06-02T15:00:00Z", "1997-06-04T09:00:00Z", "1997-06-06T09:00:00Z",
                "1997-06-09T12:00:00Z", "1997-06-09T22:30:00Z", // 23:30 on the 9th in London: on time
                "1997-06-09T23:30:00Z", // 00:30 on the 10th in London: late
                "1997-06-10T09:00:00Z", "1997-06-12T09:00:00Z", "1997-06-30T09:00:00Z", "1997-09-01T09:00:00Z");
        for (int i = 0; i < 10; i++) {
            TestServices.sql("update read_and_file_item set screening = jsonb_set(screening, '{screenedAt}', "
                    + "to_jsonb(?::text)) where id = ?", screenedAt.get(i), uuid(items.get(i)));
        }

        JsonPath json = statistics(YEAR_START, YEAR_END, department);
        assertCount(15, json, "readAndFile.received");
        assertCount(5, json, "readAndFile.screenedOnTime");
        assertCount(5, json, "readAndFile.screenedLate");
        assertCount(5, json, "readAndFile.unscreenedPastDue");
        assertCount(0, statistics(LocalDate.of(1998, 1, 1), LocalDate.of(1998, 12, 31), department),
                "readAndFile.received");
    }

    /**
     * Contacts recorded on 1 July 1997 about one case under a channel limit (letters only): six letters allowed, five
     * calls refused; plus a call only checked, not recorded, and a letter recorded without naming the case, which
     * neither count under the department.
     */
    @Test
    void countsContactChecksByVerdict() {
        String department = department("Contacts");
        Case kase = appliedIn(department, Fixtures.TODAY.plusMonths(3));
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        String aboutTheCase = ",\"caseId\":\"" + kase.id() + "\",\"record\":true";
        for (int i = 0; i < 6; i++) {
            assertEquals("ALLOW", contact(kase.customerId(), "LETTER", aboutTheCase).path("verdict"));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals("REFUSE_CHANNEL", contact(kase.customerId(), "TELEPHONE", aboutTheCase).path("verdict"));
        }
        assertEquals("REFUSE_CHANNEL", contact(kase.customerId(), "TELEPHONE", ",\"caseId\":\"" + kase.id() + "\"")
                .path("verdict"));
        assertEquals("ALLOW", contact(kase.customerId(), "LETTER", ",\"record\":true").path("verdict"));
        assertEquals(12, TestServices.sql("update contact set occurred_at = ?::timestamptz where customer_id = ?",
                "1997-07-01T10:00:00Z", uuid(kase.customerId())), "eleven contacts about the case, one not");

        JsonPath json = statistics(YEAR_START, YEAR_END, department);
        assertCount(11, json, "contactChecks.total");
        assertCount(6, json, "contactChecks.byVerdict.find { it.verdict == 'ALLOW' }.count");
        assertCount(5, json, "contactChecks.byVerdict.find { it.verdict == 'REFUSE_CHANNEL' }.count");
        assertCount(0, json, "contactChecks.byVerdict.find { it.verdict == 'CAP_REACHED' }.count");
        assertCount(0, json, "contactChecks.byVerdict.find { it.verdict == 'READ_AND_FILE' }.count");
        assertCount(0, statistics(LocalDate.of(1997, 7, 2), YEAR_END, department), "contactChecks.total");
    }
}
