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
        kase = Fixtures.step(kase, Fixtures.OFFICER, "POST", "prior-warning", Fixtures.WARNING_LETTER
                .formatted(Fixtures.TODAY.minusDays(20), Fixtures.TODAY.minusDays(14)));
        kase = Fixtures.step(kase, Fixtures.OFFICER, "PUT", "preconditions", Fixtures.ALL_PRECONDITIONS_MET);
        kase = Fixtures.step(kase, Fixtures.OFFICER, "POST", "assessment", Fixtures.ASSESSMENT);
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
}
