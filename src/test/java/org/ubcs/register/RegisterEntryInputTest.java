package org.ubcs.register;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.RegisterFixtures.Entry;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What an entry may not be, each refused with a problem that names it, and nothing written. */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterEntryInputTest {

    static final java.time.LocalDate TODAY = Fixtures.TODAY;
    static final String VALID = RegisterFixtures.content("ST4 1AA");

    static Stream<Arguments> refused() {
        String unknownCase = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("neither person nor property", 400, "/person",
                        VALID.replaceFirst("(?s)\\{\"person\":.*?\"uprn\":\"003455012345\"\\},", "{")),
                Arguments.of("a person with no customerId or name", 400, "/person",
                        VALID.replace("\"fullName\":\"Dale Harper\",", "")),
                Arguments.of("an unreadable postcode", 400, "/property/address/postcode",
                        VALID.replace("ST4 1AA", "Hill Street")),
                Arguments.of("a UPRN with letters", 400, "/property/uprn", VALID.replace("003455012345", "34A")),
                Arguments.of("a precaution given twice", 400, "/precautions/1/code",
                        VALID.replace("\"TELEPHONE_BEFORE_VISITING\"", "\"VISIT_IN_PAIRS\"")),
                Arguments.of("evidence without its case", 400, "/incidents/0/caseId",
                        VALID.replace("\"source\":", "\"evidenceEntryId\":\"" + UUID.randomUUID() + "\",\"source\":")),
                Arguments.of("no incidents field", 400, "/incidents",
                        VALID.replaceFirst("(?s)\"incidents\":\\[.*?\\],\\s*\"riskLevel\"", "\"riskLevel\"")),
                Arguments.of("an incident without a witness", 400, "/incidents/0/witnessedBy",
                        VALID.replace("\"witnessedBy\":\"Housing officer J. Smith and a neighbour\",", "")),
                Arguments.of("an unknown field", 400, "/opinion",
                        VALID.replace("\"riskLevel\"", "\"opinion\":\"He is nasty\",\"riskLevel\"")),
                Arguments.of("a control character", 400, "/incidents/0/whatHappened",
                        VALID.replace("Shouted threats", "Shouted\\u0007threats")),
                Arguments.of("an unknown channel", 400, "/communication/channels/0",
                        VALID.replace("[\"LETTER\",\"EMAIL\"]", "[\"PIGEON\"]")),
                Arguments.of("an incident dated tomorrow", 422, "DATE_IN_FUTURE",
                        VALID.replace(TODAY.minusDays(20).toString(), TODAY.plusDays(1).toString())),
                Arguments.of("a risk level off the scale", 422, "UNKNOWN_RISK_LEVEL",
                        VALID.replace("\"HIGH\"", "\"EXTREME\"")),
                Arguments.of("a precaution off the list", 422, "UNKNOWN_PRECAUTION",
                        VALID.replace("\"VISIT_IN_PAIRS\"", "\"BRING_A_DOG\"")),
                Arguments.of("an unknown customer", 422, "unknown-reference",
                        VALID.replace("\"fullName\":\"Dale Harper\"", "\"customerId\":\"" + UUID.randomUUID() + "\"")),
                Arguments.of("an unknown case", 422, "unknown-reference",
                        VALID.replace("\"source\":", "\"caseId\":\"" + unknownCase + "\",\"source\":")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aDraftThatIsNotFactOrNotOnTheProfilesListsIsRefusedAndNothingIsWritten(String what, int status,
            String named, String body) {
        long entries = TestServices.count("select count(*) from register_entry");
        var response = Api.malformedAs("COMPLAINTS_OFFICER").body(body).post("/register-entries").then()
                .statusCode(status).contentType(startsWith("application/problem+json"));
        if (named.startsWith("/")) {
            response.body("errors.pointer", hasItem(named));
        } else if (status == 422 && named.equals(named.toUpperCase())) {
            response.body("rule", equalTo(named));
        } else {
            response.body("type", equalTo("urn:ubcs:problem:" + named));
        }
        assertEquals(entries, TestServices.count("select count(*) from register_entry"), what + ": nothing written");
    }

    @Test
    void aRewriteIsRefusedByTheSameRulesAndLeavesTheDraftAsItWas() {
        String postcode = RegisterFixtures.postcode();
        Entry entry = RegisterFixtures.drafted(RegisterFixtures.content(postcode), postcode);
        String path = "/register-entries/" + entry.id() + "/draft";
        RegisterFixtures.author().header("If-Match", entry.etag())
                .body(RegisterFixtures.content(postcode).replace("\"HIGH\"", "\"EXTREME\"")).put(path).then()
                .statusCode(422).body("rule", equalTo("UNKNOWN_RISK_LEVEL"));
        RegisterFixtures.author().header("If-Match", "\"99\"").body(RegisterFixtures.content(postcode)).put(path)
                .then().statusCode(412);
        Api.malformedAs("COMPLAINTS_OFFICER").body(RegisterFixtures.content(postcode)).put(path).then()
                .statusCode(428);
        RegisterFixtures.author().header("If-Match", entry.etag()).body(RegisterFixtures.content(postcode))
                .put("/register-entries/" + UUID.randomUUID() + "/draft").then().statusCode(404);
        RegisterFixtures.author().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .body("pendingDraft.riskLevel", equalTo("HIGH")).body("pendingDraft.number", equalTo(1));
        Api.malformedAs("COMPLAINTS_OFFICER").get("/register-entries/" + entry.id() + "?purpose=NOSY").then()
                .statusCode(400);
        Api.malformedAs("COMPLAINTS_OFFICER").get("/register-entries/" + entry.id()).then().statusCode(400);
        Api.as("COMPLAINTS_OFFICER").get("/register-entries/" + UUID.randomUUID() + "?purpose=OTHER").then()
                .statusCode(404);
    }

    @Test
    void anEntryAboutACustomerShowsTheRestrictionsOfTheirCasesAndLinksIncidentsToThem() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.minusDays(1).plusMonths(6));
        String restriction = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"));
        String evidence = TestServices.query("select id from evidence_entry where case_id = ? limit 1",
                UUID.fromString(kase.id())).stream().findFirst().map(Object::toString).orElse(null);
        String postcode = RegisterFixtures.postcode();
        String incidentLinks = "\"caseId\":\"" + kase.id() + "\","
                + (evidence == null ? "" : "\"evidenceEntryId\":\"" + evidence + "\",");
        Entry entry = RegisterFixtures.approved(RegisterFixtures.content("\"customerId\":\"" + kase.customerId() + "\"",
                postcode, "MEDIUM").replace("\"source\":", incidentLinks + "\"source\":"), postcode);
        RegisterFixtures.approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then().statusCode(200)
                .body("restrictionsInForce.id", contains(restriction))
                .body("restrictionsInForce[0].type", equalTo("NO_FACE_TO_FACE"))
                .body("restrictionsInForce[0].caseId", equalTo(kase.id()))
                .body("inForce.incidents[0].caseId", equalTo(kase.id()));
        // Evidence of another case is not this case's.
        Case other = Fixtures.referred();
        Api.as("COMPLAINTS_OFFICER").body(RegisterFixtures.content("\"customerId\":\"" + kase.customerId() + "\"",
                postcode, "MEDIUM").replace("\"source\":", "\"caseId\":\"" + other.id() + "\",\"evidenceEntryId\":\""
                        + UUID.randomUUID() + "\",\"source\":"))
                .post("/register-entries").then().statusCode(422)
                .body("type", equalTo("urn:ubcs:problem:unknown-reference"))
                .body("errors.pointer", contains("/incidents/0/evidenceEntryId"));
    }
}
