package org.ubcs.support;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.specification.RequestSpecification;

/**
 * Register entries for tests, made through the API under {@link StokeOnTrent}: written by one person, approved by
 * another, each at an address of its own so that tests sharing the database never find each other's entries.
 */
public final class RegisterFixtures {

    public static final String AUTHOR = "test-register-author";
    public static final String APPROVER = "test-register-approver";
    public static final String APPROVER_NAME = "Sam Approver";

    /** The person entries are about unless a test says otherwise. */
    public static final String FULL_NAME = "Dale Harper";
    /** The person's fields of an entry about {@link #FULL_NAME}, a tenant not on record as a customer. */
    public static final String NOT_ON_RECORD = "\"fullName\":\"" + FULL_NAME
            + "\",\"dateOfBirth\":\"1971-03-02\",\"connection\":\"Tenant\"";
    /** The UPRN of 12 Hill Street in every entry not given one of its own (see {@link #uprn()}). */
    public static final String UPRN = "003455012345";

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

    /** A UPRN no other test uses, twelve digits without leading zeros: a lookup by it finds one entry alone. */
    public static String uprn() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    /** An entry's content about a person not on record at 12 Hill Street, in the given postcode. */
    public static String content(String postcode) {
        return content(NOT_ON_RECORD, postcode, "HIGH");
    }

    /** An entry's content: the person's fields as given, the property at 12 Hill Street in the postcode. */
    public static String content(String person, String postcode, String riskLevel) {
        return content(person, postcode, UPRN, riskLevel);
    }

    /** An entry's content: the person's fields as given, the property at 12 Hill Street in the postcode, this UPRN. */
    public static String content(String person, String postcode, String uprn, String riskLevel) {
        return """
                {"person":{%s},
                 "property":{"address":{"line1":"12 Hill Street","town":"Stoke-on-Trent","postcode":"%s"},
                             "uprn":"%s"},
                 "incidents":[{"occurredOn":"%s","whatHappened":"Shouted threats to harm the housing officer at the \
                front door and followed her to her car.","witnessedBy":"Housing officer J. Smith and a neighbour",
                               "source":"Incident report IR-2026-0412"}],
                 "riskLevel":"%s",
                 "precautions":[{"code":"VISIT_IN_PAIRS"},
                                {"code":"TELEPHONE_BEFORE_VISITING","note":"Ring the mobile on file the day before."}],
                 "communication":{"channels":["LETTER","EMAIL"],
                                  "arrangements":"Write to him; meet only at the civic centre, by appointment."}}"""
                .formatted(person, postcode, uprn, Fixtures.TODAY.minusDays(20), riskLevel);
    }

    /** A draft written by {@link #AUTHOR}. */
    public static Entry drafted(String content, String postcode) {
        var created = author().body(content).post("/register-entries").then().statusCode(201).extract();
        return new Entry(created.path("id"), created.header("ETag"), postcode);
    }

    /** A draft about Dale Harper at 12 Hill Street, in a postcode of its own. */
    public static Entry drafted() {
        String postcode = postcode();
        return drafted(content(postcode), postcode);
    }

    /** A draft put in force by {@link #APPROVER}. */
    public static Entry approved(String content, String postcode) {
        return approve(drafted(content, postcode));
    }

    /** An entry about Dale Harper at 12 Hill Street, in force. */
    public static Entry approved() {
        return approve(drafted());
    }

    /** An entry about Dale Harper at 12 Hill Street, in force, with the given UPRN (one from {@link #uprn()}). */
    public static Entry approvedWithUprn(String uprn) {
        String postcode = postcode();
        return approved(content(NOT_ON_RECORD, postcode, uprn, "HIGH"), postcode);
    }

    public static Entry approve(Entry entry) {
        String etag = approver().header("If-Match", entry.etag()).post("/register-entries/" + entry.id() + "/approval")
                .then().statusCode(200).body("state", equalTo("APPROVED")).extract().header("ETag");
        return new Entry(entry.id(), etag, entry.postcode());
    }

    /** The approver, told of the entry today by letter. */
    public static Entry told(Entry entry) {
        return told(entry, Fixtures.TODAY);
    }

    /**
     * As if the entry had been approved {@code days} ago and the person told by letter that day: time passing, which
     * the API never offers. The service works out the appeal window from that day.
     */
    public static Entry toldDaysAgo(Entry entry, int days) {
        TestServices.sql("update register_entry_version set approved_at = (approved_at at time zone 'Europe/London' "
                + "- make_interval(days => ?)) at time zone 'Europe/London' where entry_id = ?", days,
                UUID.fromString(entry.id()));
        return told(entry, Fixtures.TODAY.minusDays(days));
    }

    private static Entry told(Entry entry, LocalDate toldOn) {
        String etag = approver().header("If-Match", entry.etag())
                .body("{\"told\":true,\"toldOn\":\"" + toldOn + "\",\"channel\":\"LETTER\"}")
                .post("/register-entries/" + entry.id() + "/telling").then().statusCode(200).extract().header("ETag");
        return new Entry(entry.id(), etag, entry.postcode());
    }

    public static RequestSpecification approver() {
        return Api.asUser(APPROVER, APPROVER_NAME, "DECISION_MAKER");
    }

    public static RequestSpecification author() {
        return Api.asUser(AUTHOR, "Rhian Author", "COMPLAINTS_OFFICER");
    }

    /** Looks up a postcode for a visit, as a field officer; returns the ids of the entries that apply. */
    public static List<String> lookUp(String postcode) {
        return Api.as("FIELD_OFFICER").body("{\"postcode\":\"" + postcode + "\",\"purpose\":\"VISIT\"}")
                .post("/register-lookups").then().statusCode(200).extract().path("matches.entryId");
    }
}
