package org.ubcs.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * What a client sends is read strictly and stored only if it can be stored: anything else is a 400 naming the field or
 * parameter, never a 500, and nothing is half-written.
 */
@QuarkusTest
class FailSafeInputTest {

    static final String OFFICER = Fixtures.OFFICER;

    private static long customers() {
        return TestServices.count("select count(*) from customer");
    }

    /** A customer body refused with 400 of this type, pointing at this field, writing nothing. */
    private static ValidatableResponse refusedCustomer(String body, String type, String pointer) {
        long before = customers();
        ValidatableResponse response = Api.malformedAs(OFFICER).body(body).post("/customers").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:ubcs:problem:" + type))
                .body("errors.pointer", hasItem(pointer));
        assertEquals(before, customers(), "nothing is written");
        return response;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "\\u0000", "\\u0007", "\\u001b", "\\u0009", "\\u000a", "\\ud800", "\\udfff", "a\\ud83d" })
    void aNameWithAControlCharacterOrAnUnpairedSurrogateIsRefused(String escaped) {
        refusedCustomer("{\"fullName\":\"Ann" + escaped + "Lee\"}", "validation", "/fullName");
    }

    @Test
    void freeTextMayRunOverSeveralLinesButNotHoldOtherControlCharacters() {
        String id = Api.as(OFFICER).body("{\"fullName\":\"Tab Test\",\"reasonableAdjustments\":"
                + "\"Line one.\\n\\tLine two.\\r\\nLine three.\"}").post("/customers").then().statusCode(201)
                .extract().path("id");
        Api.as(OFFICER).get("/customers/" + id).then().body("reasonableAdjustments",
                equalTo("Line one.\n\tLine two.\r\nLine three."));
        refusedCustomer("{\"fullName\":\"Nul Test\",\"reasonableAdjustments\":\"a\\u0000b\"}", "validation",
                "/reasonableAdjustments");
        refusedCustomer("{\"fullName\":\"Nested\",\"advocate\":{\"name\":\"A\\u0000\"}}", "validation",
                "/advocate/name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "42", "true", "4.5", "[\"Ann\"]", "{\"name\":\"Ann\"}" })
    void aNameMustBeAJsonString(String value) {
        refusedCustomer("{\"fullName\":" + value + "}", "wrong-type", "/fullName")
                .body("errors[0].message", containsString("string"));
    }

    @ParameterizedTest(name = "record: {0}")
    @ValueSource(strings = { "\"true\"", "0", "1", "\"yes\"" })
    void aBooleanIsOnlyTrueOrFalse(String value) {
        Api.malformedAs("CONTACT_CENTRE").body("{\"customerId\":\"" + UUID.randomUUID() + "\",\"channel\":\"LETTER\","
                + "\"record\":" + value + "}").post("/contact-checks").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:wrong-type")).body("errors[0].pointer", equalTo("/record"));
    }

    @ParameterizedTest(name = "maxContacts: {0}")
    @ValueSource(strings = { "4.5", "\"4\"", "true" })
    void aWholeNumberIsNeitherAFractionNorText(String value) {
        var kase = Fixtures.applied();
        Api.malformedAs(Fixtures.DECIDER).body(Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":" + value
                + ",\"per\":\"WEEK\"}")).post("/cases/" + kase.id() + "/restrictions").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].pointer", equalTo("/terms/maxContacts"));
    }

    @Test
    void anEnumIsNotItsIndex() {
        refusedCustomer("{\"fullName\":\"Enum Index\",\"preferredChannel\":0}", "unknown-enum-value",
                "/preferredChannel");
    }

    @Test
    void anObjectMayNotNameAKeyTwice() {
        long before = customers();
        Api.malformedAs(OFFICER).body("{\"fullName\":\"First\",\"fullName\":\"Second\"}").post("/customers").then()
                .statusCode(400).body("type", equalTo("urn:ubcs:problem:malformed-json"))
                .body("detail", containsString("'fullName' twice"));
        assertEquals(before, customers());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "   ", "\\u200b\\u200b", "\\u00a0\\u2003", "\\ufeff" })
    void requiredTextMustHoldSomethingVisible(String blank) {
        refusedCustomer("{\"fullName\":\"" + blank + "\"}", "validation", "/fullName");
    }

    @Test
    void lengthsCountCodePointsAsJsonSchemaDoes() {
        String emoji = "\\ud83d\\ude00"; // one code point, two UTF-16 units
        Api.as(OFFICER).body("{\"fullName\":\"" + emoji.repeat(200) + "\"}").post("/customers").then()
                .statusCode(201).body("fullName", equalTo("\ud83d\ude00".repeat(200)));
        refusedCustomer("{\"fullName\":\"" + emoji.repeat(201) + "\"}", "validation", "/fullName");
        // Nine emoji are not "too long" for a postcode of at most 16: they are not a postcode.
        refusedCustomer("{\"fullName\":\"Emoji Postcode\",\"address\":{\"line1\":\"1 Road\",\"postcode\":\""
                + emoji.repeat(9) + "\"}}", "validation", "/address/postcode")
                .body("errors[0].message", not(containsString("size")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "name,Ann%00Lee", "email,a%07b", "postcode,CB3%0A0AP", "cursor,%00" })
    void aQueryParameterWithAControlCharacterIsRefusedNamingIt(String parameter, String encoded) {
        Api.malformedAs(OFFICER).urlEncodingEnabled(false).get("/customers?" + parameter + "=" + encoded).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors[0].parameter", equalTo(parameter));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/customers?name=", "/reviews?kind=", "/reviews?state=&kind=SCHEDULED", "/audit-events?entityType=" })
    void anEmptyQueryParameterIsRefusedNotReadAsNoFilter(String path) {
        String parameter = path.substring(path.indexOf('?') + 1, path.indexOf('='));
        Api.malformedAs(path.startsWith("/customers") ? OFFICER : "POLICY_OWNER").urlEncodingEnabled(false).get(path).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].message", containsString("leave the parameter out"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/appeals?overdue=maybe,overdue", "/appeals?overdue=TRUE,overdue", "/restrictions?emergency=1,emergency",
            "/decisions?appealWindowOpen=yes,appealWindowOpen" })
    void aBooleanParameterIsOnlyTrueOrFalseNeverQuietlyFalse(String path, String parameter) {
        Api.malformedAs("POLICY_OWNER").urlEncodingEnabled(false).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].message", equalTo("must be true or false"));
    }

    @Test
    void aDateTimeParameterWithoutItsTimeIsABadRequestNotANotFound() {
        Api.malformedAs(OFFICER).get("/calendar/deadlines?at=2026-12-03&workingDays=15").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].parameter", equalTo("at"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "%ED%A0%80", "Ann%FFLee", "%C3", "%E2%82" })
    void aQueryParameterThatIsNotUtf8IsRefusedNotReadAsAReplacementCharacter(String encoded) {
        Api.malformedAs(OFFICER).urlEncodingEnabled(false).get("/customers?name=" + encoded).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors[0].parameter", equalTo("name"))
                .body("errors[0].message", equalTo("must be percent-encoded UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "2027-06-07\\u001b", "\\u00002027-06-07", " 2027-06-07", "2027-06-07\\t" })
    void aDateIsReadExactlyNeverTrimmedOfControlCharactersOrSpaces(String escaped) {
        long before = TestServices.count("select count(*) from calendar_override");
        Api.malformedAs("POLICY_OWNER").body("{\"region\":\"SCOTLAND\",\"date\":\"" + escaped
                + "\",\"kind\":\"ADD_HOLIDAY\",\"name\":\"Fair\"}").post("/calendar/overrides").then().statusCode(400)
                .contentType("application/problem+json").body("errors.pointer", hasItem("/date"));
        assertEquals(before, TestServices.count("select count(*) from calendar_override"), "nothing is written");
    }

    @Test
    void aSetMayNotRepeatAnItemSoItCannotSlipPastItsLimit() {
        refusedCustomer("{\"fullName\":\"Repeats\",\"communicationNeeds\":[" + "\"AUDIO\",".repeat(20) + "\"AUDIO\"]}",
                "validation", "/communicationNeeds").body("errors[0].message", equalTo("must not repeat an item"));
        refusedCustomer("{\"fullName\":\"Repeats\",\"communicationNeeds\":[\"AUDIO\",\"LARGE_PRINT\",\"AUDIO\"]}",
                "validation", "/communicationNeeds");
    }

    @Test
    void aUuidIsReadExactly() {
        String customerId = Fixtures.customer("Exact Uuid");
        Api.malformedAs(OFFICER).body("{\"customerId\":\"" + customerId + "\\u0007\",\"matter\":\"M\"}")
                .post("/cases").then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/customerId"));
    }

    @Test
    void aQueryParameterTheOperationDoesNotHaveIsRefusedNotIgnored() {
        // Ignored, the misspelt filter would answer every customer's restrictions instead of one customer's.
        Api.malformedAs(OFFICER).get("/restrictions?custmerId=" + UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors[0].parameter", equalTo("custmerId"))
                .body("errors[0].message", containsString("customerId"));
        Api.malformedAs(OFFICER).get("/policy-profile?verbose=true").then().statusCode(400)
                .body("errors[0].parameter", equalTo("verbose"));
    }

    @Test
    void anEmptyIdempotencyKeyIsRefusedNotReadAsNoKey() {
        long before = customers();
        Api.malformedAs(OFFICER).header("Idempotency-Key", "").body("{\"fullName\":\"Empty Key\"}").post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("Idempotency-Key"));
        assertEquals(before, customers(), "nothing is written");
    }

    @Test
    void aProblemsInstanceIsTheRawPathAUriReference() {
        Api.malformedAs(OFFICER).urlEncodingEnabled(false).get("/cases/%22x%22%00/evidence").then().statusCode(400)
                .contentType("application/problem+json").body("instance", equalTo("/cases/%22x%22%00/evidence"));
    }

    @Test
    void ifMatchIsRequiredAndStarDoesNotOverwriteBlindly() {
        String id = Api.as(OFFICER).body("{\"fullName\":\"Star " + UUID.randomUUID() + "\"}").post("/customers").then()
                .statusCode(201).extract().path("id");
        Api.malformedAs(OFFICER).body("{\"fullName\":\"Blind\"}").put("/customers/" + id).then().statusCode(428)
                .body("type", equalTo("urn:ubcs:problem:version-required"));
        Api.as(OFFICER).header("If-Match", "*").body("{\"fullName\":\"Blind\"}").put("/customers/" + id).then()
                .statusCode(428).body("detail", containsString("*"));
        Api.as(OFFICER).get("/customers/" + id).then().body("fullName", not(equalTo("Blind")));
    }

    @Test
    void aCursorIsValidOnlyUnchangedAndForTheCollectionThatIssuedIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Api.as(OFFICER).body("{\"fullName\":\"Cursor " + tag + " " + i + "\"}").post("/customers").then()
                    .statusCode(201);
        }
        String next = Api.as(OFFICER).queryParam("name", "cursor " + tag).queryParam("limit", 1).get("/customers")
                .then().statusCode(200).extract().path("next");
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length()).split("&")[0];
        Api.as(OFFICER).queryParam("name", "cursor " + tag).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/customers").then().statusCode(200).body("items[0].fullName", equalTo("Cursor " + tag + " 1"));

        // Edited: one character changed.
        char last = cursor.charAt(cursor.length() - 1);
        String edited = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        badCursor("/customers", edited);
        // Taken from another collection.
        badCursor("/cases", cursor);
        badCursor("/audit-events", cursor);
        // Made up in the old, unsigned format: a time and an id.
        badCursor("/customers", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("2026-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aCaseEvidenceCursorDoesNotPageAnotherCasesEvidence() {
        var one = Fixtures.applied();
        var other = Fixtures.applied();
        for (int i = 0; i < 2; i++) {
            Api.as(OFFICER).body("{\"occurredAt\":\"2026-10-0" + (i + 1) + "T09:00:00Z\",\"channel\":\"TELEPHONE\","
                    + "\"officer\":\"J. Smith\",\"behaviours\":[\"REPETITION\"],\"summary\":\"Called.\"}")
                    .post("/cases/" + one.id() + "/evidence").then().statusCode(201);
        }
        String next = Api.as(OFFICER).queryParam("limit", 1).get("/cases/" + one.id() + "/evidence").then()
                .statusCode(200).extract().path("next");
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length()).split("&")[0];
        badCursor("/cases/" + other.id() + "/evidence", cursor);
    }

    private static void badCursor(String path, String cursor) {
        Api.malformedAs("POLICY_OWNER").queryParam("cursor", cursor).get(path).then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors[0].parameter", equalTo("cursor"));
    }
}
