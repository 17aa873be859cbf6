package org.ubcs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubcs.support.Fixtures.TODAY;

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

/**
 * HANDLE_OVERDUE_REVIEWS lapses a batch's cases together, a statement per table for the lot. Each case must come out
 * exactly as one lapsed on its own does (a batch of one is worked on item by item): the same review states,
 * restrictions lifted with the same reasons, closure, letter, notifications and audit events, and a case with two
 * overdue reviews lapsed once.
 */
@QuarkusTest
class OverdueReviewsLapseTogetherTest {

    private static final String WITNESS = "{\"type\":\"WITNESS_REQUIRED\"}";
    private static final String NO_FACE_TO_FACE = "{\"type\":\"NO_FACE_TO_FACE\"}";

    /** The kinds of case a batch meets. */
    private enum Shape {
        ONE_RESTRICTION, TWO_RESTRICTIONS, TWO_OVERDUE_REVIEWS
    }

    @Test
    void aBatchLapsingSeveralCasesGivesEachCaseWhatLapsingItAloneGives() {
        // Each shape lapsed alone, in a run of its own: the reference.
        Map<Shape, List<String>> alone = new java.util.EnumMap<>(Shape.class);
        for (Shape shape : Shape.values()) {
            Case kase = overdue(shape);
            Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
            alone.put(shape, outcome(kase));
        }

        // Then two of each lapsed in one run, in one batch.
        List<Case> together = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (Shape shape : Shape.values()) {
                together.add(overdue(shape));
                shapes.add(shape);
            }
        }
        int processed = Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        assertTrue(processed >= 8, "two overdue reviews per shape and one more for each case with two: " + processed);
        Api.as("AUDITOR").get("/jobs").then().body("items.find { it.name == 'HANDLE_OVERDUE_REVIEWS' }"
                + ".lastRun.failedItems", org.hamcrest.Matchers.hasSize(0));
        for (int i = 0; i < together.size(); i++) {
            assertEquals(alone.get(shapes.get(i)), outcome(together.get(i)), shapes.get(i) + " in a batch");
        }

        // What lapsing one case gives, spelled out once, so the reference itself is checked.
        List<String> twoReviews = alone.get(Shape.TWO_OVERDUE_REVIEWS);
        assertTrue(twoReviews.contains("case CLOSED LAPSED_AFTER_OVERDUE_REVIEW " + TODAY + " test-policy_owner "
                + "The review due on " + TODAY.minusDays(1) + " was not held, so the restrictions lapsed."),
                twoReviews.toString());
        assertTrue(twoReviews.contains("reviews [CANCELLED, LAPSED]"), twoReviews.toString());
        assertTrue(twoReviews.contains("letters [PRIOR_WARNING, DECISION_TO_APPLY, RESTRICTIONS_CHANGED, LAPSE]"),
                twoReviews.toString());
        assertEquals(1, twoReviews.stream().filter(line -> line.startsWith("letter ")).count());
        assertEquals(1, twoReviews.stream().filter(line -> line.startsWith("audit REVIEW_LAPSED ")).count());
        assertEquals(1, twoReviews.stream().filter(line -> line.startsWith("audit REVIEW_CANCELLED ")).count());
        assertEquals(1, twoReviews.stream().filter(line -> line.startsWith("audit CASE_CLOSED ")).count());
        assertEquals(1, twoReviews.stream().filter(line -> line.startsWith("audit LETTER_ISSUED ")
                && line.endsWith(" test-policy_owner")).count());
        assertEquals(2, alone.get(Shape.TWO_RESTRICTIONS).stream()
                .filter(line -> line.startsWith("audit RESTRICTION_LIFTED ")).count());
        assertTrue(twoReviews.stream().anyMatch(line -> line.startsWith("notification RESTRICTIONS_LAPSED ")));
        assertTrue(twoReviews.stream().noneMatch(line -> line.startsWith("notification RESTRICTIONS_LIFTED_WITH")));
    }

    /** A case whose review fell due yesterday, its task open, with the shape's restrictions and reviews. */
    private static Case overdue(Shape shape) {
        Case kase = Fixtures.decidedEarlier(TODAY.minusDays(20), TODAY.minusDays(1));
        Fixtures.impose(kase, Fixtures.restriction(WITNESS).replace(TODAY.toString(), TODAY.minusDays(20).toString()));
        if (shape == Shape.TWO_RESTRICTIONS) {
            Fixtures.impose(kase, Fixtures.restriction(NO_FACE_TO_FACE)
                    .replace(TODAY.toString(), TODAY.minusDays(20).toString()));
        }
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        if (shape == Shape.TWO_OVERDUE_REVIEWS) {
            // The customer's own request for a review, also overdue (made by hand: the API refuses one this early).
            TestServices.sql("insert into review (id, case_id, customer_id, kind, due_on, opens_on, assigned_to, "
                    + "state, request_reasons, created_at, version) select ?, case_id, customer_id, "
                    + "'CUSTOMER_REQUEST', due_on, opens_on, assigned_to, 'OPEN', 'Please look again.', created_at, 0 "
                    + "from review where case_id = ?", UUID.randomUUID(), UUID.fromString(kase.id()));
        }
        return kase;
    }

    /**
     * Everything lapsing left on the case, as lines without the ids and names that differ from case to case: the
     * case's closure, its reviews, restrictions, letters, notifications and audit trail.
     */
    private static List<String> outcome(Case kase) {
        List<String> lines = new ArrayList<>();
        JsonPath found = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().statusCode(200).extract()
                .jsonPath();
        lines.add("case " + found.getString("status") + " " + found.getString("closure.reason") + " "
                + found.getString("closure.closedOn") + " " + found.getString("closure.closedBy.subject") + " "
                + found.getString("closure.notes"));
        lines.add("next review " + found.getString("nextReviewOn"));
        lines.add("reviews " + sorted(items(Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews")
                .then().statusCode(200).extract().jsonPath()).stream()
                // Which of two overdue reviews lapses the case (and which is cancelled) is the order they are found in.
                .map(r -> String.valueOf(r.get("state"))).toList()));
        for (Map<String, Object> r : items(Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id())
                .get("/restrictions").then().statusCode(200).extract().jsonPath())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> lifting = (Map<String, Object>) r.get("lifting");
            @SuppressWarnings("unchecked")
            Map<String, Object> terms = (Map<String, Object>) r.get("terms");
            lines.add("restriction " + terms.get("type") + " " + r.get("state") + " " + lifting);
        }
        List<Map<String, Object>> letters = items(Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters")
                .then().statusCode(200).extract().jsonPath());
        lines.add("letters " + letters.stream().map(l -> String.valueOf(l.get("kind"))).toList());
        letters.stream().filter(l -> "LAPSE".equals(l.get("kind")))
                .forEach(l -> lines.add("letter " + plain(kase, l.get("subject") + "\n" + l.get("text"))));
        items(Api.as("AUDITOR").queryParam("caseId", kase.id()).queryParam("limit", 100).get("/notifications").then()
                .statusCode(200).extract().jsonPath()).forEach(n -> lines.add("notification " + n.get("kind") + " "
                        + n.get("recipient") + " " + n.get("state") + " " + plain(kase, n.get("subject") + " "
                                + n.get("body"))));
        items(Api.as("AUDITOR").queryParam("limit", 100).get("/cases/" + kase.id() + "/history").then()
                .statusCode(200).extract().jsonPath()).forEach(e -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> actor = (Map<String, Object>) e.get("actor");
                    lines.add("audit " + e.get("action") + " " + e.get("entityType") + " " + e.get("changedFields")
                            + " " + actor.get("subject"));
                });
        return sorted(lines);
    }

    private static List<Map<String, Object>> items(JsonPath page) {
        return page.getList("items");
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    /** The text with this case's ids and its customer's name put as placeholders. */
    private static String plain(Case kase, String text) {
        return text.replace(kase.id(), "<case>").replace(kase.customerId(), "<customer>")
                .replaceAll("Case Customer [0-9a-f-]{36}", "<name>");
    }
}
