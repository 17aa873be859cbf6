package org.ubcs.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Managers' figures do not depend on people's data: cases of 2005, closed long past their retention, give the same
 * statistics before and after the retention job removes the personal data they held.
 */
@QuarkusTest
class StatisticsSurviveRetentionTest {

    static final String DEPARTMENT = "Retention Statistics " + UUID.randomUUID();
    static final LocalDate DECIDED_ON = LocalDate.of(2005, 6, 1);

    private static Case closedIn2005(int i) {
        String customer = Fixtures.customer("Person Retained " + UUID.randomUUID());
        var created = Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer, "\"UNREASONABLY_PERSISTENT\"")
                .replace("\"Highways\"", "\"" + DEPARTMENT + "\"")).post("/cases").then().statusCode(201).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        kase = Fixtures.assessed(kase);
        kase = Fixtures.applied(kase);
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
        Fixtures.step(new Case(kase.id(), etag, customer), "POLICY_OWNER", "POST", "closure",
                "{\"reason\":\"BEHAVIOUR_IMPROVED\",\"notes\":\"Quiet since the spring.\"}");
        UUID id = UUID.fromString(kase.id());
        // As time itself would have dated them: referred, decided and closed in 2005.
        TestServices.sql("update policy_case set referred_on = ? where id = ?", DECIDED_ON.minusDays(10L * i), id);
        Fixtures.closedOn(kase, LocalDate.of(2005, 9, 1));
        TestServices.sql("update decision set decided_on = ?, customer_told_on = ? where case_id = ?", DECIDED_ON,
                DECIDED_ON, id);
        TestServices.sql("update restriction set starts_on = ?, lifted_on = ? where case_id = ?", DECIDED_ON,
                LocalDate.of(2005, 9, 1), id);
        return kase;
    }

    private static String statistics() {
        return Api.as("AUDITOR").queryParam("from", "2005-01-01").queryParam("to", "2005-12-31")
                .queryParam("department", DEPARTMENT).get("/statistics").then().statusCode(200).extract().asString();
    }

    @Test
    void theFiguresForAPeriodAreTheSameBeforeAndAfterItsPersonalDataIsRemoved() {
        List<Case> cases = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            cases.add(closedIn2005(i));
        }
        String before = statistics();
        assertFalse(before.contains("\"referred\":{\"total\":{\"value\":0"), "the period has activity: " + before);

        Fixtures.runJob("REMOVE_EXPIRED_PERSONAL_DATA");

        for (Case kase : cases) {
            assertEquals(1, TestServices.count("select count(*) from policy_case where id = ? and "
                    + "personal_data_removed_on is not null", UUID.fromString(kase.id())), "the job ran on " + kase.id());
            assertNotEquals(0, TestServices.count("select count(*) from customer where id = ? and full_name not like "
                    + "'Person Retained%'", UUID.fromString(kase.customerId())), "the customer's name is gone");
        }
        assertEquals(before, statistics());
    }
}
