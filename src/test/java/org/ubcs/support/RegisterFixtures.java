package org.ubcs.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Register entries for tests, made through the API under {@link StokeOnTrent}: written by one person, approved by
 * another, each at an address of its own so that tests sharing the database never find each other's entries.
 */
public final class RegisterFixtures {

    public static final String AUTHOR = "test-register-author";
    public static final String APPROVER = "test-register-approver";

    private RegisterFixtures() {
    }

    /** An entry as the API returns it, with the ETag for its next step and the postcode it is found by. */
    public record Entry(String id, String etag, String postcode) {
    }

    /** A postcode no other test uses, e.g. {@code ST7K 4PW}. */
    public static String postcode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return "ST" + (1 + random.nextInt(9)) + letters.charAt(random.nextInt(letters.length())) + " "
                + random.nextInt(10) + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
    }

    /** An entry's content about a person not on record at 12 Hill Street, in the given postcode. */
    public static String content(String postcode) {
        return content("\"fullName\":\"Dale Harper\",\"dateOfBirth\":\"1971-03-02\",\"connection\":\"Tenant\"",
                postcode, "HIGH");
    }

    /** An entry's content: the person's fields as given, the property at 12 Hill Street in the postcode. */
    public static String content(String person, String postcode, String riskLevel) {
        return """
                {"person":{%s},
                 "property":{"address":{"line1":"12 Hill Street","town":"Stoke-on-Trent","postcode":"%s"},
                             "uprn":"003455012345"},
                 "incidents":[{"occurredOn":"%s","whatHappened":"Shouted threats to harm the housing officer at the \
                front door and followed her to her car.","witnessedBy":"Housing officer J. Smith and a neighbour",
                               "source":"Incident report IR-2026-0412"}],
                 "riskLevel":"%s",
                 "precautions":[{"code":"VISIT_IN_PAIRS"},
                                {"code":"TELEPHONE_BEFORE_VISITING","note":"Ring the mobile on file the day before."}],
                 "communication":{"channels":["LETTER","EMAIL"],
                                  "arrangements":"Write to him; meet only at the civic centre, by appointment."}}"""
                .formatted(person, postcode, Fixtures.TODAY.minusDays(20), riskLevel);
    }

    /** A draft written by {@link #AUTHOR}. */
    public static Entry drafted(String content, String postcode) {
        var created = Api.asUser(AUTHOR, "Rhian Author", "COMPLAINTS_OFFICER").body(content)
                .post("/register-entries").then().statusCode(201).extract();
        return new Entry(created.path("id"), created.header("ETag"), postcode);
    }

    /** A draft put in force by {@link #APPROVER}. */
    public static Entry approved(String content, String postcode) {
        return approve(drafted(content, postcode));
    }

    /** An entry about Dale Harper at 12 Hill Street, in force. */
    public static Entry approved() {
        String postcode = postcode();
        return approved(content(postcode), postcode);
    }

    public static Entry approve(Entry entry) {
        String etag = approver().header("If-Match", entry.etag()).post("/register-entries/" + entry.id() + "/approval")
                .then().statusCode(200).extract().header("ETag");
        return new Entry(entry.id(), etag, entry.postcode());
    }

    /** The approver, told of the entry today by letter. */
    public static Entry told(Entry entry) {
        String etag = approver().header("If-Match", entry.etag())
                .body("{\"told\":true,\"toldOn\":\"" + Fixtures.TODAY + "\",\"channel\":\"LETTER\"}")
                .post("/register-entries/" + entry.id() + "/telling").then().statusCode(200).extract().header("ETag");
        return new Entry(entry.id(), etag, entry.postcode());
    }

    public static io.restassured.specification.RequestSpecification approver() {
        return Api.asUser(APPROVER, "Sam Approver", "DECISION_MAKER");
    }

    public static io.restassured.specification.RequestSpecification author() {
        return Api.asUser(AUTHOR, "Rhian Author", "COMPLAINTS_OFFICER");
    }

    /** Looks up a postcode for a visit, as a field officer; returns the ids of the entries that apply. */
    public static java.util.List<String> lookUp(String postcode) {
        return Api.as("FIELD_OFFICER").body("{\"postcode\":\"" + postcode + "\",\"purpose\":\"VISIT\"}")
                .post("/register-lookups").then().statusCode(200).extract().path("matches.entryId");
    }
}
