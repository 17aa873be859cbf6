package org.ubcs.contactcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ContactCheckTest {

    static final String CENTRE = "CONTACT_CENTRE";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Pool database;

    private static ValidatableResponse check(String body) {
        return Api.as(CENTRE).body(body).post("/contact-checks").then().statusCode(200);
    }

    private static String byId(String customerId, String channel, String extra) {
        return "{\"customerId\":\"" + customerId + "\",\"channel\":\"" + channel + "\"" + extra + "}";
    }

    @Test
    void withNoRestrictionTheVerdictIsAllow() {
        String customer = Fixtures.customer("Unrestricted");
        check(byId(customer, "TELEPHONE", "")).body("verdict", equalTo("ALLOW"))
                .body("customerId", equalTo(customer)).body("decidingRestrictionIds", hasSize(0))
                .body("allowedChannels", nullValue());
        check("{\"customer\":{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"},\"channel\":\"EMAIL\"}")
                .body("verdict", equalTo("ALLOW")).body("customerId", nullValue())
                .body("script", containsString("no record"));
    }

    @Test
    void withoutARegisterTheCheckNeitherShowsNorLogsItsEntries() {
        // An entry in force about the customer, written as the register would: this profile keeps no register, so
        // the check must not read it (nor fail because the register is not used).
        String customer = Fixtures.customer("Unregistered " + UUID.randomUUID());
        UUID entry = UUID.randomUUID();
        TestServices.sql("insert into register_entry (id, state, about_customer_id, customer_id, lookup, "
                + "created_by_subject, created_by_name, created_at, updated_at, version) values (?, 'APPROVED', ?, ?, "
                + "'{\"appliesTo\":{},\"riskLevel\":\"HIGH\",\"precautions\":[],\"communication\":"
                + "{\"channels\":[]}}', 'test', 'Test', now(), now(), 0)", entry, UUID.fromString(customer),
                UUID.fromString(customer));
        check(byId(customer, "TELEPHONE", "")).body("verdict", equalTo("ALLOW")).body("precautions", nullValue());
        assertEquals(0, TestServices.count("select count(*) from register_view where entry_id = ?", entry));
    }

    @Test
    void identifiesTheCustomerByEmailPhoneOrNameAndPostcode() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = Api.as(Fixtures.OFFICER).body("""
                {"fullName":"Ida %s","email":"ida.%s@example.org","phone":"07700 9%s",
                 "address":{"line1":"1 Road","postcode":"EX4 4QJ"}}""".formatted(tag, tag, "00123"))
                .post("/customers").then().statusCode(201).extract().path("id");
        check("{\"customer\":{\"email\":\"IDA." + tag + "@EXAMPLE.ORG\"},\"channel\":\"EMAIL\"}")
                .body("customerId", equalTo(id));
        check("{\"customer\":{\"fullName\":\"ida " + tag + "\",\"postcode\":\"ex44qj\"},\"channel\":\"LETTER\"}")
                .body("customerId", equalTo(id));
        // Two people share the phone number: the contact centre must ask for more.
        Api.as(Fixtures.OFFICER).body("{\"fullName\":\"Other " + tag + "\",\"phone\":\"07700 900123\"}")
                .post("/customers").then().statusCode(201);
        check("{\"customer\":{\"phone\":\"+44 7700 900123\"},\"channel\":\"TELEPHONE\"}").statusCode(200);
        check("{\"customer\":{\"phone\":\"07700900123\"},\"channel\":\"TELEPHONE\"}")
                .body("verdict", equalTo("VERIFY_IDENTITY")).body("customerId", nullValue());
    }

    @Test
    void aChannelLimitRefusesOtherChannelsButNeverANewComplaint() {
        Case kase = Fixtures.applied();
        String limit = Fixtures.impose(kase, Fixtures.restriction(
                "{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        check(byId(kase.customerId(), "TELEPHONE", "")).body("verdict", equalTo("REFUSE_CHANNEL"))
                .body("allowedChannels", contains("LETTER"))
                .body("decidingRestrictionIds", contains(limit))
                .body("script", containsString("only by letter"))
                .body("script", not(containsString("abusive"))); // never the reasons
        check(byId(kase.customerId(), "LETTER", "")).body("verdict", equalTo("ALLOW"));
        check(byId(kase.customerId(), "TELEPHONE", ",\"newComplaint\":true")).body("verdict", equalTo("REFUSE_CHANNEL"))
                .body("notes", hasItem(containsString("new complaint is always accepted")));
        check(byId(kase.customerId(), "LETTER", ",\"newComplaint\":true"))
                .body("verdict", equalTo("ALLOW_AS_NEW_COMPLAINT"));
    }

    @Test
    void timeWindowsGiveTheNextPermittedTimeInLondon() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"TIME_WINDOWS\",\"channels\":[\"TELEPHONE\"],"
                + "\"windows\":[{\"days\":[\"TUESDAY\"],\"from\":\"10:00\",\"to\":\"12:00\"}]}"));
        LocalDate nextMonday = Fixtures.TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        ZonedDateTime mondayAfternoon = nextMonday.atTime(15, 0).atZone(LONDON);
        ZonedDateTime tuesdayMorning = nextMonday.plusDays(1).atTime(10, 30).atZone(LONDON);
        // The restriction must be in force then: checks ask about "now", here a day we choose.
        check(byId(kase.customerId(), "TELEPHONE", ",\"at\":\"" + iso(mondayAfternoon) + "\""))
                .body("verdict", equalTo("OUTSIDE_PERMITTED_TIMES"))
                .body("nextPermittedAt", equalTo(nextMonday.plusDays(1).atTime(10, 0).atZone(LONDON).toInstant()
                        .toString()))
                .body("script", containsString("Tuesday from 10:00 to 12:00"));
        check(byId(kase.customerId(), "TELEPHONE", ",\"at\":\"" + iso(tuesdayMorning) + "\""))
                .body("verdict", equalTo("ALLOW"));
        check(byId(kase.customerId(), "EMAIL", ",\"at\":\"" + iso(mondayAfternoon) + "\""))
                .body("verdict", equalTo("ALLOW"));
    }

    private static String iso(ZonedDateTime time) {
        return time.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(LONDON));
    }

    @Test
    void recordedContactsCountTowardsTheCapUntilItResets() {
        Case kase = Fixtures.applied();
        String cap = Fixtures.impose(kase, Fixtures.restriction(
                "{\"type\":\"CONTACT_CAP\",\"maxContacts\":2,\"per\":\"WEEK\",\"maxCallMinutes\":10}"));
        String record = byId(kase.customerId(), "TELEPHONE", ",\"record\":true");
        check(record).body("verdict", equalTo("ALLOW")).body("recordedContactId", notNullValue())
                .body("notes", hasItem("Calls are limited to 10 minutes."));
        check(record).body("verdict", equalTo("ALLOW"));
        ZonedDateTime nextMonday = Fixtures.TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(LONDON);
        check(byId(kase.customerId(), "EMAIL", "")).body("verdict", equalTo("CAP_REACHED"))
                .body("decidingRestrictionIds", contains(cap))
                .body("capResetsAt", equalTo(nextMonday.toInstant().toString()));
        // A new complaint is still taken.
        check(byId(kase.customerId(), "EMAIL", ",\"newComplaint\":true"))
                .body("verdict", equalTo("ALLOW_AS_NEW_COMPLAINT"));
        Api.as("AUDITOR").queryParam("entityType", "CONTACT").get("/audit-events").then()
                .body("items.action", hasItem("CONTACT_RECORDED"));
    }

    @Test
    void simultaneousRecordedContactsNeverExceedTheCap() throws Exception {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":3,\"per\":\"WEEK\"}"));
        String record = byId(kase.customerId(), "EMAIL", ",\"record\":true");
        List<String> verdicts = atOnce(12, () -> check(record).extract().<String> path("verdict"));
        assertEquals(3, verdicts.stream().filter("ALLOW"::equals).count(), verdicts.toString());
        assertEquals(9, verdicts.stream().filter("CAP_REACHED"::equals).count(), verdicts.toString());
        assertEquals(3, contacts(kase, "verdict = 'ALLOW'"), "contacts recorded as allowed");
    }

    @Test
    void aRetrySentWhileTheFirstCallIsRunningGetsTheSameAnswer() throws Exception {
        Case kase = Fixtures.applied();
        String key = "contact-" + UUID.randomUUID();
        String body = byId(kase.customerId(), "LETTER", ",\"record\":true");
        List<String> recorded = atOnce(6, () -> Api.as(CENTRE).header("Idempotency-Key", key).body(body)
                .post("/contact-checks").then().statusCode(200).extract().<String> path("recordedContactId"));
        assertEquals(1, recorded.stream().distinct().count(), recorded.toString());
        assertEquals(1, contacts(kase, "true"), "contacts recorded");
    }

    /** Makes the calls from as many threads, released together; their answers in order. */
    private static List<String> atOnce(int callers, Callable<String> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : calls) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private long contacts(Case kase, String condition) {
        return database.preparedQuery("select count(*) from contact where customer_id = $1 and " + condition)
                .execute(Tuple.of(UUID.fromString(kase.customerId()))).await().indefinitely()
                .iterator().next().getLong(0);
    }

    @Test
    void anIdempotencyKeyRecordsAContactOnce() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":1,\"per\":\"MONTH\"}"));
        String key = "contact-" + UUID.randomUUID();
        String body = byId(kase.customerId(), "LETTER", ",\"record\":true");
        String first = Api.as(CENTRE).header("Idempotency-Key", key).body(body).post("/contact-checks").then()
                .statusCode(200).body("verdict", equalTo("ALLOW")).extract().path("recordedContactId");
        Api.as(CENTRE).header("Idempotency-Key", key).body(body).post("/contact-checks").then().statusCode(200)
                .body("verdict", equalTo("ALLOW")).body("recordedContactId", equalTo(first));
        Api.as(CENTRE).header("Idempotency-Key", key).body(body.replace("LETTER", "EMAIL")).post("/contact-checks")
                .then().statusCode(422).body("type", equalTo("urn:ubcs:problem:idempotency-key-reused"));
        check(byId(kase.customerId(), "LETTER", "")).body("verdict", equalTo("CAP_REACHED"));
    }

    @Test
    void eachCapCountsTheContactsOfItsOwnPeriod() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":5,\"per\":\"WEEK\"}"));
        String monthly = Fixtures.impose(kase, Fixtures.restriction(
                "{\"type\":\"CONTACT_CAP\",\"maxContacts\":1,\"per\":\"MONTH\"}"));
        check(byId(kase.customerId(), "LETTER", ",\"record\":true")).body("verdict", equalTo("ALLOW"));
        // One contact: well within the week's five, the whole of the month's one.
        ZonedDateTime nextMonth = Fixtures.TODAY.withDayOfMonth(1).plusMonths(1).atStartOfDay(LONDON);
        check(byId(kase.customerId(), "EMAIL", "")).body("verdict", equalTo("CAP_REACHED"))
                .body("decidingRestrictionIds", contains(monthly))
                .body("capResetsAt", equalTo(nextMonth.toInstant().toString()));
    }

    @Test
    void changedTermsAreReadAgainNotRememberedFromAnEarlierCheck() {
        Case kase = Fixtures.applied();
        String limit = Fixtures.impose(kase, Fixtures.restriction(
                "{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        check(byId(kase.customerId(), "TELEPHONE", "")).body("verdict", equalTo("REFUSE_CHANNEL"));
        // Terms change in place only with a new lock_version (retention's redaction, say), perhaps on another replica.
        TestServices.sql("update restriction set terms = ?, lock_version = lock_version + 1 where id = ?::uuid",
                "{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\",\"TELEPHONE\"],"
                        + "\"dedicatedEmailAddress\":null}", limit);
        check(byId(kase.customerId(), "TELEPHONE", "")).body("verdict", equalTo("ALLOW"));
    }

    @Test
    void correspondenceOnAClosedMatterIsReadFiledAndScreenedInTime() {
        Case kase = Fixtures.applied();
        String closed = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}",
                "THIS_MATTER"));
        String itemId = check(byId(kase.customerId(), "LETTER", ",\"caseId\":\"" + kase.id() + "\",\"record\":true"))
                .body("verdict", equalTo("READ_AND_FILE"))
                .body("decidingRestrictionIds", contains(closed))
                .body("readAndFileItemId", notNullValue()).extract().path("readAndFileItemId");
        // A new complaint is not caught by it. A letter naming no matter is: this is the customer's only matter.
        check(byId(kase.customerId(), "LETTER", ",\"newComplaint\":true")).body("verdict",
                equalTo("ALLOW_AS_NEW_COMPLAINT"));
        check(byId(kase.customerId(), "LETTER", "")).body("verdict", equalTo("READ_AND_FILE"))
                .body("matters.readAndFile", contains(true));

        var item = Api.as(Fixtures.OFFICER).get("/read-and-file-items/" + itemId).then().statusCode(200)
                .body("state", equalTo("AWAITING_SCREENING")).body("overdue", equalTo(false))
                .body("restrictionId", equalTo(closed)).extract();
        LocalDate due = LocalDate.parse(item.path("dueOn"));
        org.junit.jupiter.api.Assertions.assertTrue(due.isAfter(Fixtures.TODAY.plusDays(4)), "5 working days");
        Api.as(Fixtures.OFFICER).queryParam("limit", 100).get("/read-and-file-items").then()
                .body("items.id", hasItem(itemId));

        database.preparedQuery("update read_and_file_item set due_on = $1 where id = $2")
                .execute(Tuple.of(Fixtures.TODAY.minusDays(1), UUID.fromString(itemId))).await().indefinitely();
        String etag = Api.as(Fixtures.OFFICER).get("/read-and-file-items/" + itemId).then()
                .body("overdue", equalTo(true)).extract().header("ETag");
        Api.malformedAs(Fixtures.OFFICER).header("If-Match", etag).body("{\"outcome\":\"SHRUG\"}")
                .post("/read-and-file-items/" + itemId + "/screening").then().statusCode(400);
        String screened = Api.as(Fixtures.OFFICER).header("If-Match", etag)
                .body("{\"outcome\":\"SAFEGUARDING_REFERRAL\",\"notes\":\"Mentions self-harm.\"}")
                .post("/read-and-file-items/" + itemId + "/screening").then().statusCode(200)
                .body("state", equalTo("SCREENED")).body("overdue", equalTo(false))
                .body("screening.screenedBy.subject", equalTo("test-complaints_officer")).extract().header("ETag");
        Api.as(Fixtures.OFFICER).header("If-Match", screened).body("{\"outcome\":\"NOTHING_NEW\"}")
                .post("/read-and-file-items/" + itemId + "/screening").then().statusCode(409);
        Api.as(Fixtures.OFFICER).queryParam("state", "SCREENED").queryParam("limit", 100).get("/read-and-file-items")
                .then().body("items.id", hasItem(itemId));
        Api.as(Fixtures.OFFICER).get("/read-and-file-items/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void severalRestrictionsCombineAndTheMostRestrictiveDecides() {
        Case kase = Fixtures.applied();
        String spoc = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"SINGLE_POINT_OF_CONTACT\","
                + "\"officer\":{\"name\":\"Jo Contact\",\"email\":\"jo@example.gov.uk\",\"phone\":\"01234 000111\"}}"));
        String witness = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        String appointment = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"MEETINGS_BY_APPOINTMENT\"}"));
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"PREMISES_BAN\",\"premises\":[\"Depot\"]}"));

        check(byId(kase.customerId(), "TELEPHONE", "")).body("verdict", equalTo("REDIRECT_TO_NAMED_OFFICER"))
                .body("namedOfficer.name", equalTo("Jo Contact"))
                .body("namedOfficer.phone", equalTo("01234 000111"))
                .body("script", equalTo("Pass the contact to the named officer, Jo Contact (email jo@example.gov.uk, "
                        + "telephone 01234 000111)."))
                .body("decidingRestrictionIds", contains(spoc))
                .body("notes", hasItem("This person is banned from Depot."));
        check(byId(kase.customerId(), "TELEPHONE", ",\"officer\":\"JO@example.gov.uk\"")).body("verdict",
                equalTo("ALLOW")).body("notes", hasItem("You are a named contact for this person."));
        check(byId(kase.customerId(), "FACE_TO_FACE", ",\"officer\":\"Jo Contact\""))
                .body("verdict", equalTo("APPOINTMENT_REQUIRED"))
                .body("decidingRestrictionIds", contains(appointment))
                .body("notes", hasItem("Meet this person only with a witness present."));
        Api.as(Fixtures.DECIDER).get("/restrictions/" + witness).then().statusCode(200);
    }

    @Test
    void anEmergencyRestrictionAppliesAtOnce() {
        String customer = Fixtures.customer("On the spot");
        String id = Api.as(Fixtures.OFFICER).body("""
                {"customerId":"%s","terms":{"type":"NO_FACE_TO_FACE"},"reasons":"Threats.","incident":"Threats at reception."}"""
                .formatted(customer)).post("/emergency-restrictions").then().statusCode(201).extract().path("id");
        check(byId(customer, "FACE_TO_FACE", "")).body("verdict", equalTo("REFUSE_CHANNEL"))
                .body("decidingRestrictionIds", contains(id))
                .body("allowedChannels", containsInAnyOrder("LETTER", "EMAIL", "TELEPHONE", "ONLINE_FORM",
                        "SOCIAL_MEDIA"));
    }

    @Test
    void refusesQuestionsThatCannotBeAnswered() {
        Api.as(CENTRE).body("{\"channel\":\"EMAIL\"}").post("/contact-checks").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/customer"));
        Api.as(CENTRE).body("{\"customer\":{\"fullName\":\"Only A Name\"},\"channel\":\"EMAIL\"}")
                .post("/contact-checks").then().statusCode(400);
        Api.as(CENTRE).body("{\"customerId\":\"" + UUID.randomUUID() + "\",\"customer\":{\"email\":\"a@b.c\"},"
                + "\"channel\":\"EMAIL\"}").post("/contact-checks").then().statusCode(400);
        Api.as(CENTRE).body(byId(UUID.randomUUID().toString(), "EMAIL", "")).post("/contact-checks").then()
                .statusCode(422).body("type", equalTo("urn:ubcs:problem:unknown-reference"));
        Api.malformedAs(CENTRE).body(byId(UUID.randomUUID().toString(), "SMOKE_SIGNAL", "")).post("/contact-checks")
                .then().statusCode(400).body("type", equalTo("urn:ubcs:problem:unknown-enum-value"));
        Api.malformedAs(CENTRE).body("{\"customerId\":\"" + UUID.randomUUID() + "\"}").post("/contact-checks").then()
                .statusCode(400).body("errors[0].pointer", equalTo("/channel"));
        Api.malformedAs(CENTRE).body(byId(UUID.randomUUID().toString(), "EMAIL", ",\"at\":\"tomorrow\""))
                .post("/contact-checks").then().statusCode(400).body("errors[0].pointer", equalTo("/at"));
    }

    @Test
    void thePolicyOwnerIsToldOnceOfCorrespondenceNotScreenedInTime() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}",
                "THIS_MATTER"));
        String itemId = check(byId(kase.customerId(), "LETTER", ",\"caseId\":\"" + kase.id() + "\",\"record\":true"))
                .body("verdict", equalTo("READ_AND_FILE")).extract().path("readAndFileItemId");
        TestServices.sql("update read_and_file_item set due_on = ? where id = ?", Fixtures.TODAY.minusDays(1),
                UUID.fromString(itemId));
        Fixtures.runJob("FLAG_OVERDUE_SCREENING");
        Fixtures.runJob("FLAG_OVERDUE_SCREENING");
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'SCREENING_OVERDUE' }.recipient", contains("POLICY_OWNER"));
        Api.as(Fixtures.OFFICER).get("/read-and-file-items/" + itemId).then().body("overdue", equalTo(true));
    }
}
