package org.ubcs.statistics;

import static org.hamcrest.Matchers.equalTo;
import static org.ubcs.statistics.StatisticsCountsTest.assertCount;
import static org.ubcs.statistics.StatisticsCountsTest.statistics;
import static org.ubcs.statistics.StatisticsCountsTest.uuid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Escalated reviews: only a profile whose overdue reviews are escalated rather than lapsed makes them, so this runs
 * under Stoke-on-Trent's (a profile other tests already start, so no extra start-up in the full suite).
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class StatisticsEscalatedReviewsTest {

    /**
     * Five cases whose scheduled review went by unheld, escalated to the policy owner, dated as if due on 5 May 1997;
     * and a sixth, escalated and then held late, on 12 May, so it counts as held and overdue but no longer escalated.
     */
    @Test
    void countsReviewsEscalatedInThePeriod() {
        String department = StatisticsCountsTest.department("Escalated");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Stoke-on-Trent's restrictions run six months at least and are reviewed within six.
            Case kase = StatisticsCountsTest.appliedIn(department, Fixtures.TODAY.minusDays(1).plusMonths(6));
            TestServices.sql("update policy_case set next_review_on = ? where id = ?", Fixtures.TODAY.minusDays(1),
                    uuid(kase.id()));
            cases.add(kase);
        }
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        List<String> reviews = new ArrayList<>();
        for (Case kase : cases) {
            reviews.add(Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then()
                    .statusCode(200).body("items.state", equalTo(List.of("ESCALATED"))).extract()
                    .path("items[0].id"));
            TestServices.sql("update review set due_on = ?, opens_on = ? where case_id = ?", LocalDate.of(1997, 5, 5),
                    LocalDate.of(1997, 4, 28), uuid(kase.id()));
        }
        String heldLate = reviews.get(5);
        String etag = Api.as(Fixtures.DECIDER).get("/reviews/" + heldLate).then().extract().header("ETag");
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body("""
                {"reviewers":["Head of Service"],"recommendation":"CONTINUE","reasons":"Contact is still daily.",
                 "customerToldOn":"%s","nextReviewOn":"%s"}""".formatted(Fixtures.TODAY, Fixtures.TODAY.plusMonths(6)))
                .post("/reviews/" + heldLate + "/outcome").then().statusCode(200).body("state", equalTo("COMPLETED"));
        TestServices.sql("update review set outcome = jsonb_set(outcome, '{recordedAt}', to_jsonb(?::text)) "
                + "where id = ?", "1997-05-12T10:00:00Z", uuid(heldLate));

        JsonPath json = statistics(StatisticsCountsTest.YEAR_START, StatisticsCountsTest.YEAR_END, department);
        assertCount(5, json, "reviews.escalated");
        assertCount(6, json, "reviews.overdue");
        assertCount(0, json, "reviews.lapsed");
        org.junit.jupiter.api.Assertions.assertEquals("<5", json.getString("reviews.held.display"));
    }
}
