package org.ubcs.customer;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class CustomerTest {

    static final String OFFICER = Fixtures.OFFICER;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static ExtractableResponse<Response> create(String body) {
        return Api.as(OFFICER).body(body).post("/customers").then().statusCode(201).extract();
    }

    @Test
    void recordsACustomerWithContactDetailsNeedsAndAdvocate() {
        String tag = unique();
        ExtractableResponse<Response> created = create("""
                {"fullName":"Alex %s","email":"alex.%s@example.org","phone":"+44 1234 567890",
                 "address":{"line1":"1 High Street","town":"Exampleton","postcode":"EX1 2AB"},
                 "preferredChannel":"TELEPHONE","communicationNeeds":["NEEDS_TELEPHONE_CONTACT","LARGE_PRINT"],
                 "reasonableAdjustments":"Calls before noon.","advocate":{"name":"Sam Advocate","organisation":"Citizens Advice"}}
                """.formatted(tag, tag));
        String id = created.path("id");
        assertEquals("\"0\"", created.header("ETag"));
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/customers/" + id));

        Api.as("LEGAL").get("/customers/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("fullName", equalTo("Alex " + tag))
                .body("address.postcode", equalTo("EX1 2AB"))
                .body("preferredChannel", equalTo("TELEPHONE"))
                .body("communicationNeeds", contains("NEEDS_TELEPHONE_CONTACT", "LARGE_PRINT"))
                .body("advocate.organisation", equalTo("Citizens Advice"));

        // The audit event names the fields, never their values.
        Api.as("AUDITOR").queryParam("entityId", id).get("/audit-events").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("CUSTOMER_CREATED"))
                .body("items[0].actor.subject", equalTo("test-complaints_officer"))
                .body("items[0].changedFields", hasItem("email"))
                .body("items[0].toString()", not(org.hamcrest.Matchers.containsString(tag)));
    }

    @Test
    void updatesOnlyWithTheCurrentETagAndAuditsWhatChanged() {
        String id = create("{\"fullName\":\"Pat " + unique() + "\",\"email\":\"pat@example.org\"}").path("id");
        String body = "{\"fullName\":\"Pat Renamed\",\"email\":\"pat@example.org\",\"preferredChannel\":\"LETTER\"}";

        Api.malformedAs(OFFICER).body(body).put("/customers/" + id).then().statusCode(428)
                .body("type", equalTo("urn:ubcs:problem:version-required"));
        Api.as(OFFICER).header("If-Match", "\"7\"").body(body).put("/customers/" + id).then().statusCode(412)
                .body("type", equalTo("urn:ubcs:problem:stale-version"));
        Api.as(OFFICER).header("If-Match", "garbage").body(body).put("/customers/" + id).then().statusCode(412);

        Api.as(OFFICER).header("If-Match", "\"0\"").body(body).put("/customers/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("fullName", equalTo("Pat Renamed"))
                .body("preferredChannel", equalTo("LETTER"));
        // The ETag read before the change is now stale: a lost update is refused.
        Api.as(OFFICER).header("If-Match", "\"0\"").body("{\"fullName\":\"Lost\"}").put("/customers/" + id).then()
                .statusCode(412);
        Api.as(OFFICER).get("/customers/" + id).then().body("fullName", equalTo("Pat Renamed"));

        Api.as("AUDITOR").queryParam("entityId", id).get("/audit-events").then()
                .body("items.action", contains("CUSTOMER_CREATED", "CUSTOMER_UPDATED"))
                .body("items[1].changedFields", containsInAnyOrder("fullName", "preferredChannel"));
    }

    @Test
    void updateReplacesEveryDetailAndLeftOutFieldsAreCleared() {
        String id = create("{\"fullName\":\"Kim " + unique() + "\",\"phone\":\"01234 567890\"}").path("id");
        Api.as("POLICY_OWNER").header("If-Match", "\"0\"").body("{\"fullName\":\"Kim\"}").put("/customers/" + id)
                .then().statusCode(200).body("phone", nullValue());
    }

    @Test
    void unknownCustomerIsNotFound() {
        Api.as(OFFICER).get("/customers/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:ubcs:problem:not-found"));
        Api.malformedAs(OFFICER).get("/customers/not-a-uuid").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].parameter", equalTo("customerId"));
        Api.as(OFFICER).header("If-Match", "\"0\"").body("{\"fullName\":\"x\"}")
                .put("/customers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void searchesInPartAndIgnoringCaseAcrossNameEmailPhoneAndPostcode() {
        String tag = unique();
        String id = create("""
                {"fullName":"Morgan Zed%s","email":"MORGAN.%s@Example.org","phone":"+44 (0)1632 960%s",
                 "address":{"line1":"2 Low Road","postcode":"ZZ9 9%s"}}""".formatted(tag, tag, "123", "ZZ"))
                .path("id");
        create("{\"fullName\":\"Other Zed" + tag + "\"}");

        Api.as("DECISION_MAKER").queryParam("name", "zed" + tag.toUpperCase()).get("/customers").then()
                .statusCode(200).body("items", hasSize(2));
        Api.as(OFFICER).queryParam("email", "morgan." + tag).get("/customers").then()
                .body("items.id", contains(id));
        Api.as(OFFICER).queryParam("phone", "1632 960123").queryParam("name", tag).get("/customers").then()
                .body("items.id", contains(id));
        Api.as(OFFICER).queryParam("postcode", "zz99z").queryParam("name", tag).get("/customers").then()
                .body("items.id", contains(id));
        // Criteria combine with AND.
        Api.as(OFFICER).queryParam("name", "Other Zed" + tag).queryParam("postcode", "ZZ9").get("/customers").then()
                .body("items", empty());
        // Wildcards in the search text are literal.
        Api.as(OFFICER).queryParam("name", "%_").get("/customers").then().body("items", empty());
    }

    @Test
    void pagesWithACursorAndANextLink() {
        String tag = unique();
        for (int i = 0; i < 3; i++) {
            create("{\"fullName\":\"Paged " + tag + " " + i + "\"}");
        }
        ExtractableResponse<Response> first = Api.as(OFFICER).queryParam("name", "paged " + tag)
                .queryParam("limit", 2).get("/customers").then().statusCode(200).body("items", hasSize(2))
                .body("next", notNullValue()).extract();
        String next = first.path("next");
        // The link is already encoded, as a browser would use it.
        Api.as(OFFICER).urlEncodingEnabled(false).get(next).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].fullName", equalTo("Paged " + tag + " 2")).body("next", nullValue());
    }

    @Test
    void refusesBadSearchParameters() {
        Api.malformedAs(OFFICER).queryParam("limit", 0).get("/customers").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors[0].parameter", equalTo("limit"));
        Api.malformedAs(OFFICER).queryParam("limit", 101).get("/customers").then().statusCode(400);
        Api.malformedAs(OFFICER).queryParam("limit", "ten").get("/customers").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].parameter", equalTo("limit"));
        Api.malformedAs(OFFICER).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/customers").then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        Api.as(OFFICER).queryParam("phone", "abc-def").get("/customers").then().statusCode(400)
                .body("errors[0].parameter", equalTo("phone"));
    }

    @Test
    void refusesBadBodiesWithProblemDetailsAndWritesNothing() {
        String tag = unique();
        expectProblem("{\"email\":\"x" + tag + "@example.org\"}", "urn:ubcs:problem:validation", "/fullName");
        expectProblem("{\"fullName\":\"" + tag + "\",\"email\":\"not-an-email\"}", "urn:ubcs:problem:validation",
                "/email");
        expectProblem("{\"fullName\":\"" + tag + "\",\"address\":{\"line1\":\"1\",\"postcode\":\"NOPE\"}}",
                "urn:ubcs:problem:validation", "/address/postcode");
        expectProblem("{\"fullName\":\"" + "x".repeat(201) + "\"}", "urn:ubcs:problem:validation", "/fullName");
        expectProblem("{\"fullName\":[\"" + tag + "\"]}", "urn:ubcs:problem:wrong-type", "/fullName");
        expectProblem("{\"fullName\":\"" + tag + "\",\"shoeSize\":9}", "urn:ubcs:problem:unknown-property",
                "/shoeSize");
        expectProblem("{\"fullName\":\"" + tag + "\",\"preferredChannel\":\"PIGEON\"}",
                "urn:ubcs:problem:unknown-enum-value", "/preferredChannel");
        expectProblem("{\"fullName\":\"" + tag + "\",\"communicationNeeds\":[\"TELEPATHY\"]}",
                "urn:ubcs:problem:unknown-enum-value", "/communicationNeeds/0");
        Api.malformedAs(OFFICER).body("{\"fullName\":\"" + tag).post("/customers").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:malformed-json"));
        Api.malformedAs(OFFICER).body("").post("/customers").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:validation"));
        Api.malformedAs(OFFICER).contentType("text/plain").body("fullName=" + tag).post("/customers").then()
                .statusCode(415).body("type", equalTo("urn:ubcs:problem:unsupported-media-type"));

        Api.as(OFFICER).queryParam("name", tag).get("/customers").then().body("items", empty());
    }

    @Test
    void reportsEveryMissingOrInvalidFieldAtOnce() {
        Api.malformedAs(OFFICER).body("{\"email\":\"bad\",\"advocate\":{}}").post("/customers").then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/fullName"))
                .body("errors.pointer", hasItem("/email"))
                .body("errors.pointer", hasItem("/advocate/name"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = "customer-" + UUID.randomUUID();
        String name = "Idem " + unique();
        ExtractableResponse<Response> first = Api.as(OFFICER).header("Idempotency-Key", key)
                .body("{\"fullName\":\"" + name + "\"}").post("/customers").then().statusCode(201).extract();
        ExtractableResponse<Response> again = Api.as(OFFICER).header("Idempotency-Key", key)
                .body("{\"fullName\":\"" + name + "\"}").post("/customers").then().statusCode(201).extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().asString(), again.body().asString());
        Api.as(OFFICER).queryParam("name", name).get("/customers").then().body("items", hasSize(1));

        Api.as(OFFICER).header("Idempotency-Key", key).body("{\"fullName\":\"" + name + " changed\"}")
                .post("/customers").then().statusCode(422)
                .body("type", equalTo("urn:ubcs:problem:idempotency-key-reused"));
        // Keys belong to their user: another user's identical key is a new request.
        Api.as("POLICY_OWNER").header("Idempotency-Key", key).body("{\"fullName\":\"" + name + "\"}")
                .post("/customers").then().statusCode(201);
        Api.malformedAs(OFFICER).header("Idempotency-Key", "short").body("{\"fullName\":\"x\"}").post("/customers")
                .then().statusCode(400).body("errors[0].parameter", equalTo("Idempotency-Key"));
    }

    private static void expectProblem(String body, String type, String pointer) {
        List<String> pointers = Api.malformedAs(OFFICER).body(body).post("/customers").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(type)).extract()
                .path("errors.pointer");
        org.hamcrest.MatcherAssert.assertThat(pointers, hasItem(pointer));
    }
}
