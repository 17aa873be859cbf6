package org.ubcs.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EvidenceTest {

    static final String OFFICER = Fixtures.OFFICER;

    private static String entry(String occurredAt, String summary, String corrects) {
        return """
                {"occurredAt":"%s","channel":"TELEPHONE","officer":"J. Smith, Highways",
                 "behaviours":["REPETITION","ABUSIVE_OR_THREATENING_CONDUCT"],"summary":"%s"%s}"""
                .formatted(occurredAt, summary, corrects == null ? "" : ",\"corrects\":\"" + corrects + "\"");
    }

    private static String record(Case kase, String body) {
        return Api.as(OFFICER).body(body).post("/cases/" + kase.id() + "/evidence").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void entriesAreAppendedInOrderAndACorrectionPointsToTheEntryItCorrects() {
        Case kase = Fixtures.referred();
        String first = record(kase, entry("2026-10-02T09:15:00+01:00", "Fourth call this week.", null));
        String second = record(kase, entry("2026-10-03T10:00:00Z", "Shouted at the officer.", null));
        String correction = record(kase, entry("2026-10-02T09:15:00+01:00", "Fifth call this week.", first));

        Api.as("APPEAL_REVIEWER").get("/cases/" + kase.id() + "/evidence").then().statusCode(200)
                .body("items.id", contains(first, second, correction))
                .body("items.sequence", contains(1, 2, 3))
                .body("items[0].occurredAt", equalTo("2026-10-02T08:15:00Z"))
                .body("items[0].summary", equalTo("Fourth call this week.")) // never changed
                .body("items[0].correctedBy", equalTo(correction))
                .body("items[2].corrects", equalTo(first))
                .body("items[1].correctedBy", nullValue())
                .body("items[0].recordedBy.subject", equalTo("test-complaints_officer"));
        Api.as(OFFICER).get("/cases/" + kase.id() + "/evidence/" + first).then().statusCode(200)
                .body("correctedBy", equalTo(correction));
        Api.as(OFFICER).queryParam("limit", 2).get("/cases/" + kase.id() + "/evidence").then()
                .body("items", hasSize(2)).body("next", notNullValue());
        Api.as("AUDITOR").get("/cases/" + kase.id() + "/history").then()
                .body("items.action", hasItem("EVIDENCE_RECORDED"))
                .body("items.findAll { it.action == 'EVIDENCE_RECORDED' }.entityType", hasItem("EVIDENCE_ENTRY"));
    }

    @Test
    void refusesEntriesThatCannotBeTrue() {
        Case kase = Fixtures.referred();
        Case other = Fixtures.referred();
        String elsewhere = record(other, entry("2026-10-01T09:00:00Z", "Elsewhere", null));
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        Api.as(OFFICER).body(entry(future, "Not yet", null)).post("/cases/" + kase.id() + "/evidence").then()
                .statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"))
                .body("errors[0].pointer", equalTo("/occurredAt"));
        Api.as(OFFICER).body(entry("2026-10-01T09:00:00Z", "Wrong case", elsewhere))
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/corrects"));
        Api.malformedAs(OFFICER).body(entry("yesterday", "x", null)).post("/cases/" + kase.id() + "/evidence").then()
                .statusCode(400).body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].pointer", equalTo("/occurredAt"));
        Api.malformedAs(OFFICER).body(entry("2026-10-01T09:00:00Z", "x", null).replace("\"REPETITION\",", "")
                .replace("\"ABUSIVE_OR_THREATENING_CONDUCT\"", "")).post("/cases/" + kase.id() + "/evidence").then()
                .statusCode(400).body("errors[0].pointer", equalTo("/behaviours"));
        Api.malformedAs(OFFICER).body(entry("2026-10-01T09:00:00Z", "x", null).replace("REPETITION", "SULKING"))
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:unknown-enum-value"));
        Api.as(OFFICER).body(entry("2026-10-01T09:00:00Z", "x", null))
                .post("/cases/" + UUID.randomUUID() + "/evidence").then().statusCode(404);
        Api.as(OFFICER).get("/cases/" + kase.id() + "/evidence/" + elsewhere).then().statusCode(404);

        Api.as(OFFICER).get("/cases/" + kase.id() + "/evidence").then().body("items", hasSize(0));
    }

    @Test
    void aClosedCaseTakesNoMoreEvidence() {
        Case kase = Fixtures.referred();
        Fixtures.step(kase, "POLICY_OWNER", "POST", "closure", "{\"reason\":\"BEHAVIOUR_IMPROVED\"}");
        Api.as(OFFICER).body(entry("2026-10-01T09:00:00Z", "Late", null)).post("/cases/" + kase.id() + "/evidence")
                .then().statusCode(409).body("type", equalTo("urn:ubcs:problem:illegal-step"))
                .body("allowedSteps", hasSize(0));
    }

    @Test
    void anIdempotencyKeyRecordsTheEntryOnce() {
        Case kase = Fixtures.referred();
        String body = entry("2026-10-01T09:00:00Z", "Once", null);
        String key = "evidence-" + UUID.randomUUID();
        String first = Api.as(OFFICER).header("Idempotency-Key", key).body(body)
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201).extract().path("id");
        String again = Api.as(OFFICER).header("Idempotency-Key", key).body(body)
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        Api.as(OFFICER).get("/cases/" + kase.id() + "/evidence").then().body("items", hasSize(1));
    }
}
