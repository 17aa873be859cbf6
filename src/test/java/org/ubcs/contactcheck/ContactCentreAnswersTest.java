package org.ubcs.contactcheck;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The contact centre can act on every answer (issue 12, section 2): it sees no case, customer or restriction, so the
 * answer names the customer's matters, files what a recording check must file, says what to say aloud, says how to
 * reach the named officer, and reads as people write.
 */
@QuarkusTest
class ContactCentreAnswersTest {

    static final String CENTRE = "CONTACT_CENTRE";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String MATTER_CLOSED = "{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}";
    static final String SAY_ALOUD = "This matter is closed. Anything new can be sent in writing and will be read.";

    private static ValidatableResponse check(String customerId, String channel, String extra) {
        return Api.as(CENTRE).body("{\"customerId\":\"" + customerId + "\",\"channel\":\"" + channel + "\"" + extra
                + "}").post("/contact-checks").then().statusCode(200);
    }

    private static String about(String caseId) {
        return ",\"caseId\":\"" + caseId + "\"";
    }

    /** Another case for the same customer, referred about this matter (open, no restriction yet). */
    private static Case referredFor(String customerId, String matter) {
        var created = Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customerId, "\"UNREASONABLY_PERSISTENT\"")
                .replace("Pothole complaint, Mill Lane", matter)).post("/cases").then().statusCode(201).extract();
        return new Case(created.path("id"), created.header("ETag"), customerId);
    }

    /** Another case for the same customer, the policy applied. */
    private static Case appliedFor(String customerId, String matter) {
        Case kase = referredFor(customerId, matter);
        return Fixtures.applied(Fixtures.assessed(kase));
    }

    private static long contacts(String customerId) {
        return TestServices.count("select count(*) from contact where customer_id = ?", UUID.fromString(customerId));
    }

    private static long filed(String customerId) {
        return TestServices.count("select count(*) from read_and_file_item where customer_id = ?",
                UUID.fromString(customerId));
    }

    @Test
    void theAnswerNamesTheOpenMattersWithTheirShortTitlesAndNoPersonalDetail() {
        String name = "Matters " + UUID.randomUUID();
        Case first = Fixtures.appliedForCustomer("{\"fullName\":\"" + name + "\",\"email\":\"m-" + UUID.randomUUID()
                + "@example.org\",\"address\":{\"line1\":\"12 Acacia Avenue\",\"postcode\":\"EX4 4QJ\"}}");
        String customer = first.customerId();
        String closed = Fixtures.impose(first, Fixtures.restriction(MATTER_CLOSED, "THIS_MATTER"));
        // 103 code points, with an emoji (two UTF-16 units, one code point) inside the first 80.
        String longMatter = "Housing repairs 🏠 at the flat: damp in the bedroom, the boiler, the windows that do not "
                + "close and more";
        Case second = referredFor(customer, longMatter);
        Case ended = appliedFor(customer, "Parking permit refused");
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + ended.id()).then().extract().header("ETag");
        Api.as("POLICY_OWNER").header("If-Match", etag).body("{\"reason\":\"BEHAVIOUR_IMPROVED\"}")
                .post("/cases/" + ended.id() + "/closure").then().statusCode(200);

        String body = check(customer, "TELEPHONE", "")
                .body("matters", hasSize(2)) // the closed case is not offered
                .body("matters.caseId", contains(first.id(), second.id())) // oldest first
                .body("matters[0].title", equalTo("Pothole complaint, Mill Lane"))
                .body("matters[0].readAndFile", equalTo(true))
                .body("matters[1].title", equalTo("Housing repairs 🏠 at the flat: damp in the bedroom, the boiler, "
                        + "the windows…")) // cut before the word that would pass 80 code points
                .body("matters[1].readAndFile", equalTo(false))
                .body("matters.caseId", not(hasItem(ended.id())))
                .body("notes", hasItem(containsString("ask which matter"))).extract().asString();
        String title = longMatter.substring(0, longMatter.indexOf(" that do not")) + "…";
        assertEquals(76, title.codePointCount(0, title.length()), title);
        // Nothing about the person or the case beyond the matter's own words.
        for (String personal : List.of(name, "Acacia", "EX4", "Forty emails", "Highways", "abusive", closed)) {
            assertTrue(!body.contains(personal), personal + " in " + body);
        }
        // The contact centre still sees no case, customer or restriction itself: the answer is what it needs.
        Api.as(CENTRE).get("/cases").then().statusCode(403);
        Api.as(CENTRE).get("/customers").then().statusCode(403);
        Api.as(CENTRE).get("/restrictions").then().statusCode(403);
        // With the matter named, the check decides on it.
        check(customer, "LETTER", about(first.id())).body("verdict", equalTo("READ_AND_FILE"))
                .body("decidingRestrictionIds", contains(closed));
        check(customer, "LETTER", about(second.id())).body("verdict", equalTo("ALLOW"));
        // The closed case's id is still this customer's: accepted, and nothing of it bears on the contact.
        check(customer, "LETTER", about(ended.id())).body("verdict", equalTo("ALLOW"));
    }

    @Test
    void noMattersAreNamedForSomeoneNotOnRecordOrNotIdentified() {
        check(Fixtures.customer("No cases " + UUID.randomUUID()), "LETTER", "").body("verdict", equalTo("ALLOW"))
                .body("matters", nullValue());
        Api.as(CENTRE).body("{\"customer\":{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"},"
                + "\"channel\":\"LETTER\"}").post("/contact-checks").then().statusCode(200)
                .body("matters", nullValue()).body("customerId", nullValue());
    }

    @Test
    void aLetterWithoutAMatterIsAskedAboutWhenOnlySomeMattersAreReadAndFiledAndNothingIsQueued() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction(MATTER_CLOSED, "THIS_MATTER"));
        Case open = referredFor(kase.customerId(), "Council tax account");
        check(kase.customerId(), "LETTER", ",\"record\":true").body("verdict", equalTo("ALLOW"))
                .body("notes", hasItem(containsString("ask which matter")))
                .body("matters.caseId", contains(kase.id(), open.id()))
                .body("matters.readAndFile", contains(true, false))
                .body("recordedContactId", notNullValue()).body("readAndFileItemId", nullValue());
        assertEquals(1, contacts(kase.customerId()));
        assertEquals(0, filed(kase.customerId()));
    }

    @Test
    void aLetterOrEmailWithoutAMatterIsQueuedWhenEveryMatterIsReadAndFiled() {
        Case kase = Fixtures.applied();
        String closed = Fixtures.impose(kase, Fixtures.restriction(MATTER_CLOSED, "THIS_MATTER"));
        String customer = kase.customerId();

        // Only asking files nothing.
        check(customer, "EMAIL", "").body("verdict", equalTo("READ_AND_FILE"))
                .body("decidingRestrictionIds", contains(closed))
                .body("script", startsWith("This person's one matter with us is closed. Read and file"))
                .body("readAndFileItemId", nullValue()).body("recordedContactId", nullValue());
        assertEquals(0, contacts(customer));
        assertEquals(0, filed(customer));

        String itemId = check(customer, "LETTER", ",\"record\":true").body("verdict", equalTo("READ_AND_FILE"))
                .body("recordedContactId", notNullValue()).body("readAndFileItemId", notNullValue())
                .extract().path("readAndFileItemId");
        Api.as(Fixtures.OFFICER).get("/read-and-file-items/" + itemId).then().statusCode(200)
                .body("restrictionId", equalTo(closed)).body("caseId", nullValue()) // the matter was not named
                .body("channel", equalTo("LETTER")).body("state", equalTo("AWAITING_SCREENING"));
        check(customer, "EMAIL", ",\"record\":true").body("readAndFileItemId", notNullValue());
        assertEquals(2, filed(customer));

        // A new complaint is always taken; a call cannot be filed, so the officer asks which matter.
        check(customer, "LETTER", ",\"newComplaint\":true,\"record\":true")
                .body("verdict", equalTo("ALLOW_AS_NEW_COMPLAINT")).body("readAndFileItemId", nullValue());
        check(customer, "TELEPHONE", ",\"record\":true").body("verdict", equalTo("ALLOW"))
                .body("notes", hasItem(containsString("ask which matter"))).body("readAndFileItemId", nullValue());
        assertEquals(2, filed(customer));

        // Two matters, both read and filed, one with an acknowledgement: acknowledged, whichever it is about.
        Case other = appliedFor(customer, "Planning objection");
        String acknowledged = Fixtures.impose(other, Fixtures.restriction(
                "{\"type\":\"MATTER_CLOSED\",\"acknowledge\":true}", "THIS_MATTER"));
        check(customer, "LETTER", "").body("verdict", equalTo("ACKNOWLEDGE_ONLY"))
                .body("decidingRestrictionIds", contains(closed, acknowledged))
                .body("script", startsWith("Every matter this person has with us is closed. Acknowledge"))
                .body("matters.readAndFile", contains(true, true));
    }

    @Test
    void aCallOrAVisitAboutAReadAndFileMatterGetsWordsToSayAloudAndIsNotFiled() {
        Case kase = Fixtures.applied();
        String closed = Fixtures.impose(kase, Fixtures.restriction(MATTER_CLOSED, "THIS_MATTER"));
        for (String channel : List.of("TELEPHONE", "FACE_TO_FACE")) {
            check(kase.customerId(), channel, about(kase.id()) + ",\"record\":true")
                    .body("verdict", equalTo("READ_AND_FILE")).body("decidingRestrictionIds", contains(closed))
                    .body("script", equalTo(SAY_ALOUD))
                    .body("script", not(containsString("ead and file")))
                    .body("recordedContactId", notNullValue()).body("readAndFileItemId", nullValue());
        }
        assertEquals(2, contacts(kase.customerId()));
        assertEquals(0, filed(kase.customerId()));
        // The letter is still read and filed.
        check(kase.customerId(), "LETTER", about(kase.id()) + ",\"record\":true")
                .body("script", containsString("Read and file the correspondence"))
                .body("readAndFileItemId", notNullValue());
    }

    @Test
    void passingItToTheNamedOfficerSaysHowToReachThemAndTheirDeputyAsTheRestrictionStoresThem() {
        Case kase = Fixtures.applied();
        String spoc = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"SINGLE_POINT_OF_CONTACT\","
                + "\"officer\":{\"name\":\"Jo Contact\",\"email\":\"jo.contact@example.gov.uk\",\"phone\":\"01234 000111\"},"
                + "\"deputy\":{\"name\":\"Sam Deputy\",\"phone\":\"(01234) 000-112\"}}"));
        check(kase.customerId(), "TELEPHONE", "").body("verdict", equalTo("REDIRECT_TO_NAMED_OFFICER"))
                .body("decidingRestrictionIds", contains(spoc))
                .body("namedOfficer.name", equalTo("Jo Contact"))
                .body("namedOfficer.email", equalTo("jo.contact@example.gov.uk"))
                .body("namedOfficer.phone", equalTo("01234 000111"))
                .body("deputy.name", equalTo("Sam Deputy")).body("deputy.phone", equalTo("(01234) 000-112"))
                .body("deputy.email", nullValue())
                .body("script", equalTo("Pass the contact to the named officer, Jo Contact (email "
                        + "jo.contact@example.gov.uk, telephone 01234 000111), or their deputy, Sam Deputy "
                        + "(telephone (01234) 000-112)."));
        // A new complaint is taken by anyone; the named officer is still given, with the note.
        check(kase.customerId(), "TELEPHONE", ",\"newComplaint\":true")
                .body("verdict", equalTo("ALLOW_AS_NEW_COMPLAINT"))
                .body("namedOfficer.phone", equalTo("01234 000111"))
                .body("notes", hasItem(startsWith("Pass the contact to the named officer, Jo Contact")));
    }

    @Test
    void scriptsAreCapitalisedSentencesWithListsAsPeopleWriteThem() {
        Case two = Fixtures.applied();
        Fixtures.impose(two, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"TELEPHONE\","
                + "\"LETTER\"]}"));
        check(two.customerId(), "EMAIL", "").body("verdict", equalTo("REFUSE_CHANNEL"))
                .body("script", equalTo("Contact from this person is accepted only by letter or telephone. Explain "
                        + "this politely and end the contact."));

        Case three = Fixtures.applied();
        Fixtures.impose(three, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"TELEPHONE\","
                + "\"EMAIL\",\"LETTER\"],\"dedicatedEmailAddress\":\"contact@example.gov.uk\"}"));
        Fixtures.impose(three, Fixtures.restriction("{\"type\":\"PREMISES_BAN\",\"premises\":[\"Depot\","
                + "\"Civic Centre reception\",\"Library\"]}"));
        check(three.customerId(), "FACE_TO_FACE", "")
                .body("script", startsWith("Contact from this person is accepted only by letter, email or telephone "
                        + "(emails to contact@example.gov.uk)."))
                .body("notes", hasItem("This person is banned from Depot, Civic Centre reception and Library."));

        Case windows = Fixtures.applied();
        LocalDate monday = Fixtures.TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Fixtures.impose(windows, Fixtures.restriction("{\"type\":\"TIME_WINDOWS\",\"channels\":[\"TELEPHONE\","
                + "\"EMAIL\"],\"windows\":[{\"days\":[\"THURSDAY\",\"TUESDAY\"],\"from\":\"10:00\",\"to\":\"12:00\"},"
                + "{\"days\":[\"FRIDAY\"],\"from\":\"14:00\",\"to\":\"15:00\"}]}"));
        String at = monday.atTime(15, 0).atZone(LONDON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String tuesday = monday.plusDays(1).format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
                java.util.Locale.UK));
        check(windows.customerId(), "TELEPHONE", ",\"at\":\"" + at + "\"")
                .body("verdict", equalTo("OUTSIDE_PERMITTED_TIMES"))
                .body("script", equalTo("Email and telephone contact is taken only on Tuesday and Thursday from "
                        + "10:00 to 12:00 and on Friday from 14:00 to 15:00. Ask them to contact us again from "
                        + tuesday + " at 10:00."));

        Case capped = Fixtures.applied();
        Fixtures.impose(capped, Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":1,\"per\":\"WEEK\"}"));
        check(capped.customerId(), "LETTER", ",\"record\":true").body("verdict", equalTo("ALLOW"));
        String nextMonday = Fixtures.TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK));
        check(capped.customerId(), "LETTER", "").body("verdict", equalTo("CAP_REACHED"))
                .body("script", equalTo("This person has made the one contact allowed this week. Ask them to contact "
                        + "us again from " + nextMonday + "."));

        // Every script and note is a sentence: a capital first, a full stop last.
        for (Case kase : List.of(two, three, windows, capped)) {
            for (String channel : List.of("LETTER", "EMAIL", "TELEPHONE", "FACE_TO_FACE", "ONLINE_FORM")) {
                check(kase.customerId(), channel, "").body("script", matchesPattern("^[A-Z].*\\.$"))
                        .body("notes", everyItem(matchesPattern("^[A-Z].*[.)]$")));
            }
        }
    }

    @Test
    void aCaseThatIsNotTheCustomersIsRefusedAndARefusedRecordingCheckWritesNothing() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction(MATTER_CLOSED, "THIS_MATTER"));
        Case someoneElses = Fixtures.referred();
        for (String caseId : List.of(UUID.randomUUID().toString(), someoneElses.id())) {
            Api.as(CENTRE).body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\",\"caseId\":\""
                    + caseId + "\",\"record\":true}").post("/contact-checks").then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:ubcs:problem:unknown-reference"))
                    .body("errors[0].pointer", equalTo("/caseId"));
        }
        Api.malformedAs(CENTRE).body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\","
                + "\"caseId\":\"not-a-case\",\"record\":true}").post("/contact-checks").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].pointer", equalTo("/caseId"));
        Api.malformedAs(CENTRE).body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\","
                + "\"caseId\":42,\"record\":true}").post("/contact-checks").then().statusCode(400);
        // Dated after now: refused, so not recorded and not filed.
        Api.as(CENTRE).body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\",\"caseId\":\""
                + kase.id() + "\",\"record\":true,\"at\":\"" + Fixtures.TODAY.plusDays(3) + "T10:00:00Z\"}")
                .post("/contact-checks").then().statusCode(422).body("errors[0].pointer", equalTo("/at"));
        // Not the contact centre's or an officer's: refused before anything is read.
        Api.as("AUDITOR").body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\",\"record\":true}")
                .post("/contact-checks").then().statusCode(403);
        Api.anonymous().body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\",\"record\":true}")
                .post("/contact-checks").then().statusCode(401);
        assertEquals(0, contacts(kase.customerId()));
        assertEquals(0, filed(kase.customerId()));
        // Nothing was half-done: the same letter, now about its own case, is filed once.
        check(kase.customerId(), "LETTER", about(kase.id()) + ",\"record\":true")
                .body("readAndFileItemId", notNullValue());
        assertEquals(1, filed(kase.customerId()));
    }
}
