package org.ubcs.cases.profiles;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.restassured.path.json.JsonPath;

/**
 * The whole procedure under one council's policy profile: each subclass runs it under another. The expectations
 * come from the profile the service reports, checked against the shipped configuration.
 */
abstract class CaseLifecycleScenario {

    abstract String profileId();

    private JsonPath profile() {
        return Api.as("CONTACT_CENTRE").get("/policy-profile").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void servesTheConfiguredProfile() {
        JsonPath profile = profile();
        var config = ConfigProvider.getConfig();
        String prefix = "ubcs.policy.profiles." + profileId() + ".";
        assertEquals(profileId(), profile.getString("id"));
        assertEquals(config.getValue(prefix + "council-name", String.class), profile.getString("councilName"));
        assertEquals(config.getValue(prefix + "decision-maker-label", String.class),
                profile.getString("decisionMakerLabel"));
        assertEquals(config.getValue(prefix + "max-review-horizon", String.class),
                profile.getString("maxReviewHorizon"));
        assertEquals(config.getValue(prefix + "holiday-region", String.class), profile.getString("holidayRegion"));
        assertEquals(List.of(config.getValue(prefix + "letter-languages", String.class).split(",")),
                profile.getList("letterLanguages"));
        // The names letters use, in every letter language: a Welsh name where the profile sets one.
        List<Map<String, String>> expected = new ArrayList<>();
        for (String language : config.getValue(prefix + "letter-languages", String.class).split(",")) {
            String suffix = "CY".equals(language) ? "-cy" : "";
            String council = config.getValue(prefix + "council-name", String.class);
            String ombudsman = config.getValue(prefix + "ombudsman.name", String.class);
            expected.add(Map.of("language", language,
                    "councilName", config.getOptionalValue(prefix + "council-name" + suffix, String.class)
                            .orElse(council),
                    "ombudsmanName", config.getOptionalValue(prefix + "ombudsman.name" + suffix, String.class)
                            .orElse(ombudsman)));
        }
        assertEquals(expected, profile.getList("letterNames"));
    }

    @Test
    void runsTheProcedureFromReferralToClosure() {
        JsonPath profile = profile();
        List<String> classifications = profile.getList("classifications");
        boolean complex = classifications.contains("COMPLEX");
        Case kase = Fixtures.assessed(complex ? "\"COMPLEX\"" : "\"" + classifications.get(0) + "\"");
        if (complex) {
            // A complex case is decided only after its case conference.
            Api.as(Fixtures.DECIDER).header("If-Match", kase.etag())
                    .body(Fixtures.decision("APPLY_POLICY", Fixtures.TODAY, Fixtures.TODAY, Fixtures.TODAY.plusDays(1)))
                    .post("/cases/" + kase.id() + "/decision").then().statusCode(409)
                    .body("allowedSteps", hasItem("RECORD_CASE_CONFERENCE"))
                    .body("allowedSteps", not(hasItem("RECORD_DECISION")));
            // A conference is held after the referral, and not in the future.
            for (LocalDate heldOn : List.of(Fixtures.REFERRED_ON.minusDays(1), Fixtures.TODAY.plusDays(1))) {
                Api.as(Fixtures.OFFICER).header("If-Match", kase.etag())
                        .body(Fixtures.CONFERENCE.formatted(heldOn, Fixtures.TODAY.plusDays(7)))
                        .post("/cases/" + kase.id() + "/case-conference").then().statusCode(422)
                        .body("rule", equalTo(heldOn.isAfter(Fixtures.TODAY) ? "DATE_IN_FUTURE" : "DATES_OUT_OF_ORDER"))
                        .body("errors[0].pointer", equalTo("/heldOn"));
            }
            kase = Fixtures.step(kase, Fixtures.OFFICER, "POST", "case-conference",
                    Fixtures.CONFERENCE.formatted(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusDays(7)));
        }
        LocalDate decidedOn = Fixtures.TODAY.minusDays(1);
        LocalDate latest = decidedOn.plus(Period.parse(profile.getString("maxReviewHorizon")));
        LocalDate earliest = decidedOn.plus(Period.parse(profile.getString("minimumDuration")));

        decide(kase, decidedOn, latest.plusDays(1)).statusCode(422).body("rule", equalTo("REVIEW_DATE_TOO_FAR"));
        if (earliest.isAfter(decidedOn.plusDays(1))) {
            decide(kase, decidedOn, earliest.minusDays(1)).statusCode(422)
                    .body("rule", equalTo("REVIEW_DATE_BEFORE_MINIMUM_DURATION"));
        }
        String etag = decide(kase, decidedOn, latest).statusCode(200)
                .body("status", equalTo("POLICY_APPLIED"))
                .body("decision.decidedAs", equalTo(profile.getString("decisionMakerLabel")))
                .body("decision.reviewOn", equalTo(latest.toString()))
                .body("decision.decidedBy.subject", equalTo("test-decision_maker"))
                .extract().header("ETag");

        Api.as("LEGAL").queryParam("reviewDueBefore", latest.plusDays(1).toString())
                .queryParam("customerId", kase.customerId()).get("/cases").then()
                .body("items.id", hasItem(kase.id()));

        String restriction = Fixtures.impose(new Case(kase.id(), etag, kase.customerId()),
                Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        Fixtures.step(new Case(kase.id(), etag, kase.customerId()), "POLICY_OWNER", "POST", "closure",
                "{\"reason\":\"LIFTED_AFTER_REVIEW\",\"notes\":\"Behaviour improved.\"}");
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("CLOSED"))
                .body("closure.closedOn", equalTo(Fixtures.TODAY.toString()))
                .body("allowedSteps.size()", equalTo(0));

        // The case's restrictions end with it: lifted, the customer told in the profile's languages, and those
        // the profile names told too.
        Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"));
        Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"TELEPHONE\"}")
                .post("/contact-checks").then().statusCode(200).body("verdict", equalTo("ALLOW"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                .body("items.findAll { it.kind == 'LIFTING' }.size()", equalTo(1))
                .body("items.find { it.kind == 'LIFTING' }.languages.sort()",
                        equalTo(profile.getList("letterLanguages").stream().sorted().toList()));
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'RESTRICTIONS_LIFTED_WITH_CASE' }.recipient.sort()",
                        equalTo(profile.getList("decisionNotifications").stream().sorted().toList()));
    }

    @Test
    void keepsTheReviewTimetable() {
        JsonPath profile = profile();
        LocalDate decidedOn = Fixtures.TODAY.minusDays(1);
        Case kase = Fixtures.decided(decidedOn, decidedOn.plus(Period.parse(profile.getString("maxReviewHorizon"))));
        String restriction = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"));

        // The customer may ask for a review once the profile's minimum period has passed, and is told from when.
        LocalDate earliest = decidedOn.plus(Period.parse(profile.getString("customerReviewRequestAfter")));
        var request = Api.as(Fixtures.OFFICER)
                .body("{\"receivedOn\":\"" + Fixtures.TODAY + "\",\"reasons\":\"Things have changed.\"}")
                .post("/cases/" + kase.id() + "/review-requests").then();
        if (earliest.isAfter(Fixtures.TODAY)) {
            request.statusCode(422).body("rule", equalTo("TOO_EARLY_FOR_REVIEW"))
                    .body("detail", containsString(earliest.toString()));
        } else {
            request.statusCode(201).body("kind", equalTo("CUSTOMER_REQUEST"));
        }

        // Time passes and the review date goes by without a review.
        TestServices.sql("update policy_case set next_review_on = ? where id = ?", Fixtures.TODAY.minusDays(1),
                UUID.fromString(kase.id()));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        JsonPath tasks = Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then()
                .statusCode(200).extract().jsonPath();
        String scheduled = tasks.getString("items.find { it.kind == 'SCHEDULED' }.state");
        if ("LAPSE".equals(profile.getString("overdueReviewAction"))) {
            assertEquals("LAPSED", scheduled);
            Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"));
            Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                    .body("items.findAll { it.kind == 'LAPSE' }.size()", equalTo(1));
            // Nothing is left open on a closed case.
            assertEquals(List.of(), tasks.getList("items.findAll { it.state == 'OPEN' }"));
        } else {
            assertEquals("ESCALATED", scheduled);
            Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("ACTIVE"));
            Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                    .body("items.findAll { it.kind == 'REVIEW_OVERDUE' }.recipient", equalTo(List.of("POLICY_OWNER")));
        }

        // A status review, where the policy has one, is due on the decision's anniversary and opens the lead time
        // before it, as a scheduled review does; until then the case shows it coming.
        Period lead = Period.parse(profile.getString("reviewPreparationLeadTime"));
        LocalDate reviewOn = decidedOn.plus(Period.parse(profile.getString("maxReviewHorizon")));
        Case old = Fixtures.decided(decidedOn, reviewOn);
        if (profile.get("statusReviewAfter") == null) {
            Api.as(Fixtures.OFFICER).get("/cases/" + old.id()).then()
                    .body("comingReviews.kind", equalTo(List.of("SCHEDULED")));
            return;
        }
        Period statusAfter = Period.parse(profile.getString("statusReviewAfter"));
        LocalDate openingTomorrow = Fixtures.TODAY.plus(lead).plusDays(1).minus(statusAfter);
        LocalDate anniversary = openingTomorrow.plus(statusAfter);
        TestServices.sql("update decision set decided_on = ? where case_id = ?", openingTomorrow,
                UUID.fromString(old.id()));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Api.as(Fixtures.OFFICER).queryParam("caseId", old.id()).get("/reviews").then().body("items.size()", equalTo(0));
        Api.as(Fixtures.OFFICER).get("/cases/" + old.id()).then()
                .body("allowedSteps", not(hasItem("RECORD_REVIEW_OUTCOME")))
                // Soonest first: the anniversary is a lead time and a day away, the scheduled review months away.
                .body("comingReviews.kind", equalTo(List.of("STATUS_REVIEW", "SCHEDULED")))
                .body("comingReviews.find { it.kind == 'STATUS_REVIEW' }.dueOn", equalTo(anniversary.toString()))
                .body("comingReviews.find { it.kind == 'STATUS_REVIEW' }.opensOn",
                        equalTo(anniversary.minus(lead).toString()));

        LocalDate openingToday = Fixtures.TODAY.plus(lead).minus(statusAfter);
        TestServices.sql("update decision set decided_on = ? where case_id = ?", openingToday,
                UUID.fromString(old.id()));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Api.as(Fixtures.OFFICER).queryParam("caseId", old.id()).queryParam("kind", "STATUS_REVIEW").get("/reviews")
                .then().body("items.kind", equalTo(List.of("STATUS_REVIEW")))
                .body("items[0].dueOn", equalTo(openingToday.plus(statusAfter).toString()))
                .body("items[0].opensOn", equalTo(Fixtures.TODAY.toString()));
        Api.as(Fixtures.OFFICER).get("/cases/" + old.id()).then()
                .body("allowedSteps", hasItem("RECORD_REVIEW_OUTCOME"))
                .body("comingReviews.kind", equalTo(List.of("SCHEDULED")));
    }

    @Test
    void refusesClassificationsThePolicyDoesNotUse() {
        List<String> used = profile().getList("classifications");
        for (String classification : List.of("UNREASONABLY_PERSISTENT", "UNACCEPTABLE_BEHAVIOUR", "COMPLEX")) {
            if (!used.contains(classification)) {
                String customer = Fixtures.customer("Unclassified");
                Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer, "\"" + classification + "\""))
                        .post("/cases").then().statusCode(422).body("rule", equalTo("CLASSIFICATION_NOT_IN_USE"));
            }
        }
    }

    private static io.restassured.response.ValidatableResponse decide(Case kase, LocalDate decidedOn,
            LocalDate reviewOn) {
        return Api.as(Fixtures.DECIDER).header("If-Match", kase.etag())
                .body(Fixtures.decision("APPLY_POLICY", decidedOn, Fixtures.TODAY, reviewOn))
                .post("/cases/" + kase.id() + "/decision").then();
    }
}
