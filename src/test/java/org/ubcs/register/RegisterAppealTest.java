package org.ubcs.register;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubcs.support.RegisterFixtures.APPROVER;
import static org.ubcs.support.RegisterFixtures.AUTHOR;
import static org.ubcs.support.RegisterFixtures.NOT_ON_RECORD;
import static org.ubcs.support.RegisterFixtures.approved;
import static org.ubcs.support.RegisterFixtures.approver;
import static org.ubcs.support.RegisterFixtures.content;
import static org.ubcs.support.RegisterFixtures.drafted;
import static org.ubcs.support.RegisterFixtures.lookUp;
import static org.ubcs.support.RegisterFixtures.postcode;
import static org.ubcs.support.RegisterFixtures.told;
import static org.ubcs.support.RegisterFixtures.toldDaysAgo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.letter.domain.LetterView;
import org.ubcs.letter.service.LetterRenderer;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.RegisterFixtures.Entry;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Appeals against being placed on Stoke-on-Trent's register, through the appeals capability: the register's window
 * from the day the person was told, the independence rule over everyone who wrote or approved the entry, and an
 * upheld appeal taking the entry out of every lookup. Each entry is written, approved and reviewed by different people.
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterAppealTest {

    static final LocalDate TODAY = Fixtures.TODAY;
    static final String REVIEWER = "appeal-test-reviewer";
    static final String PERSON = RegisterFixtures.FULL_NAME;

    @Inject
    LetterRenderer renderer;

    static RequestSpecification reviewer() {
        return Api.asUser(REVIEWER, "Kim Reviewer", "APPEAL_REVIEWER");
    }

    /** The person told of the entry by letter today: the appeal window runs from today. */
    static Entry toldToday(Entry entry) {
        Entry told = told(entry);
        approver().get("/register-entries/" + told.id() + "?purpose=OTHER").then().statusCode(200)
                .body("telling.appealBy", equalTo(deadline(TODAY, 15)));
        return told;
    }

    static String deadline(LocalDate from, int workingDays) {
        return Api.as("APPEAL_REVIEWER").queryParam("from", from.toString()).queryParam("workingDays", workingDays)
                .get("/calendar/deadlines").then().statusCode(200).extract().path("deadline");
    }

    static String appealBody(String entryId, LocalDate receivedOn) {
        return """
                {"registerEntryId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["BEHAVIOUR_WRONGLY_IDENTIFIED"],
                 "text":"I was not there that day."}""".formatted(entryId, receivedOn);
    }

    static ExtractableResponse<Response> lodge(String entryId, LocalDate receivedOn) {
        return Api.as(Fixtures.OFFICER).body(appealBody(entryId, receivedOn)).post("/appeals").then().statusCode(201)
                .extract();
    }

    static ExtractableResponse<Response> decide(ExtractableResponse<Response> appeal, String outcome,
            String reasons) {
        return reviewer().header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"" + outcome + "\",\"reasons\":\"" + reasons + "\",\"customerToldOn\":\"" + TODAY
                        + "\"}")
                .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(200).extract();
    }

    static long appealsAgainst(String entryId) {
        return TestServices.count("select count(*) from appeal where register_entry_id = ?", UUID.fromString(entryId));
    }

    /** The ids of the letters of a kind about the entry, oldest first. */
    static List<Object> letters(String entryId, String kind) {
        return TestServices.query("select id from letter where register_entry_id = ? and kind = ? order by created_at",
                UUID.fromString(entryId), kind);
    }

    /** A letter's words as a reader sees them, HTML and plain text: markup dropped, white space as one space. */
    static List<String> words(Object letterId) {
        var letter = Api.as("LEGAL").get("/letters/" + letterId).then().statusCode(200).extract();
        return List.of(words((String) letter.path("html")), words((String) letter.path("text")));
    }

    static String words(String letter) {
        return letter.replaceAll("<[^>]*>", "").replace("&#39;", "'").replaceAll("\\s+", " ");
    }

    @Test
    void anAppealOnTimeRunsFromTheDayThePersonWasToldAndIsAcknowledgedToThem() {
        Entry entry = toldToday(approved());
        String appealBy = approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .extract().path("telling.appealBy");
        ExtractableResponse<Response> appeal = lodge(entry.id(), TODAY);
        assertAll(
                () -> assertEquals("LODGED", appeal.path("state")),
                () -> assertEquals(false, appeal.path("late")),
                () -> assertEquals(entry.id(), appeal.path("registerEntryId")),
                () -> assertEquals(appealBy, appeal.path("appealBy"), "the register's window, as the entry says"),
                () -> assertEquals(deadline(TODAY, 15), appeal.path("decisionDueOn")),
                () -> assertNull(appeal.<Object>path("decisionId")),
                () -> assertNull(appeal.<Object>path("caseId")),
                () -> assertNull(appeal.<Object>path("customerId"), "the person is not a customer on record"));
        reviewer().get("/appeals/" + appeal.path("id")).then().statusCode(200)
                .body("registerEntryId", equalTo(entry.id())).body("decisionOverdue", equalTo(false));

        // The acknowledgement goes to the person by the entry's name and address, and speaks of the register.
        List<Object> acknowledgements = letters(entry.id(), "APPEAL_ACKNOWLEDGEMENT");
        assertEquals(1, acknowledgements.size());
        Api.as("LEGAL").get("/letters/" + acknowledgements.get(0)).then()
                .body("customerId", nullValue()).body("caseId", nullValue())
                .body("registerEntryId", equalTo(entry.id()));
        for (String words : words(acknowledgements.get(0))) {
            assertAll(
                    () -> assertTrue(words.contains("Dear " + PERSON), words),
                    () -> assertTrue(words.contains("12 Hill Street"), "the entry's address"),
                    () -> assertTrue(words.contains("our decision to record information on our register of "
                            + "potentially dangerous persons and properties"), words),
                    () -> assertTrue(words.contains("did not write or approve the information"), words),
                    () -> assertFalse(words.contains("our decision about your contact with us"), words));
        }

        // One live appeal per entry; nothing more is written.
        Api.as(Fixtures.OFFICER).body(appealBody(entry.id(), TODAY)).post("/appeals").then().statusCode(422)
                .body("rule", equalTo("LIVE_APPEAL_EXISTS"));
        assertEquals(1, appealsAgainst(entry.id()));
        assertEquals(1, letters(entry.id(), "APPEAL_ACKNOWLEDGEMENT").size());
    }

    @Test
    void anAppealAfterTheWindowIsLateAndWaitsForTheReviewersDiscretion() {
        Entry accepted = toldDaysAgo(approved(), 60);
        ExtractableResponse<Response> late = lodge(accepted.id(), TODAY);
        assertEquals("LATE", late.path("state"));
        assertEquals(true, late.path("late"));
        assertEquals(deadline(TODAY.minusDays(60), 15), late.path("appealBy"));
        assertNull(late.<Object>path("decisionDueOn"));
        reviewer().header("If-Match", late.header("ETag")).body("{\"reason\":\"In hospital when told.\"}")
                .post("/appeals/" + late.path("id") + "/late-acceptance").then().statusCode(200)
                .body("state", equalTo("LODGED")).body("decisionDueOn", equalTo(deadline(TODAY, 15)));

        Entry refused = toldDaysAgo(approved(), 60);
        ExtractableResponse<Response> outOfTime = lodge(refused.id(), TODAY);
        reviewer().header("If-Match", outOfTime.header("ETag"))
                .body("{\"reason\":\"Two months late, no reason given.\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + outOfTime.path("id") + "/refusal").then().statusCode(200)
                .body("state", equalTo("REFUSED_OUT_OF_TIME")).body("ombudsman.name", notNullValue());
        List<Object> outcome = letters(refused.id(), "APPEAL_OUTCOME");
        assertEquals(1, outcome.size());
        for (String words : words(outcome.get(0))) {
            assertTrue(words.contains("it reached us after the last date for appeals"), words);
            assertTrue(words.contains("our register of potentially dangerous persons and properties"), words);
        }
        approver().get("/register-entries/" + refused.id() + "?purpose=OTHER").then().body("state",
                equalTo("APPROVED"));
    }

    @Test
    void aPersonWhoWasNeverToldMayStillAppealAndIsNotLate() {
        Entry entry = approved();
        ExtractableResponse<Response> appeal = lodge(entry.id(), TODAY);
        assertEquals("LODGED", appeal.path("state"));
        assertEquals(false, appeal.path("late"));
        assertEquals(deadline(TODAY, 15), appeal.path("appealBy"), "the window runs from receipt");
    }

    @Test
    void anAppealIsAgainstExactlyOneOfADecisionAndAnEntry() {
        Entry entry = toldToday(approved());
        String both = appealBody(entry.id(), TODAY).replace("{\"registerEntryId\"",
                "{\"decisionId\":\"" + UUID.randomUUID() + "\",\"registerEntryId\"");
        Api.as(Fixtures.OFFICER).body(both).post("/appeals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors.pointer", containsInAnyOrder("/decisionId", "/registerEntryId"));
        String neither = appealBody(entry.id(), TODAY).replace("\"registerEntryId\":\"" + entry.id() + "\",", "");
        Api.as(Fixtures.OFFICER).body(neither).post("/appeals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/decisionId", "/registerEntryId"));
        assertEquals(0, appealsAgainst(entry.id()));
    }

    @Test
    void refusesAnAppealAgainstAnEntryThatIsUnknownOrNotInForce() {
        Api.as(Fixtures.OFFICER).body(appealBody(UUID.randomUUID().toString(), TODAY)).post("/appeals").then()
                .statusCode(422).body("type", equalTo("urn:ubcs:problem:unknown-reference"))
                .body("errors[0].pointer", equalTo("/registerEntryId"));

        Entry draft = drafted();
        Api.as(Fixtures.OFFICER).body(appealBody(draft.id(), TODAY)).post("/appeals").then().statusCode(422)
                .body("rule", equalTo("NOTHING_TO_APPEAL"));

        Entry removed = toldToday(approved());
        approver().header("If-Match", removed.etag()).body("{\"reason\":\"RISK_GONE\",\"notes\":\"Moved away.\"}")
                .post("/register-entries/" + removed.id() + "/removal").then().statusCode(200);
        Api.as(Fixtures.OFFICER).body(appealBody(removed.id(), TODAY)).post("/appeals").then().statusCode(422)
                .body("rule", equalTo("NOTHING_TO_APPEAL"));

        Entry told = toldToday(approved());
        Api.as(Fixtures.OFFICER).body(appealBody(told.id(), TODAY.minusDays(1))).post("/appeals").then()
                .statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"))
                .body("errors[0].pointer", equalTo("/receivedOn"));
        Api.as(Fixtures.OFFICER).body(appealBody(told.id(), TODAY.plusDays(1))).post("/appeals").then()
                .statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"));

        for (Entry entry : List.of(draft, removed, told)) {
            assertEquals(0, appealsAgainst(entry.id()), "nothing written on refusal");
            assertEquals(0, letters(entry.id(), "APPEAL_ACKNOWLEDGEMENT").size());
        }
    }

    @Test
    void whoeverWroteOrApprovedAnyVersionOfTheEntryMayNotDecideTheAppeal() {
        // The author and the approver also hold the reviewer's role; a third person amends the entry.
        Entry entry = toldToday(approved());
        String amender = "appeal-test-entry-amender";
        Api.asUser(amender, "Alex Amender", "COMPLAINTS_OFFICER").header("If-Match", entry.etag())
                .body(content(NOT_ON_RECORD.replace("1971-03-02", "1971-03-03"), entry.postcode(), "HIGH"))
                .put("/register-entries/" + entry.id() + "/draft").then().statusCode(200);
        ExtractableResponse<Response> appeal = lodge(entry.id(), TODAY);
        for (String subject : List.of(AUTHOR, APPROVER, amender)) {
            Api.asUser(subject, "Took Part", "APPEAL_REVIEWER").header("If-Match", appeal.header("ETag"))
                    .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"It stands.\",\"customerToldOn\":\"" + TODAY + "\"}")
                    .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(422)
                    .body("rule", equalTo("REVIEWER_TOOK_PART"));
        }
        reviewer().get("/appeals/" + appeal.path("id")).then().body("state", equalTo("LODGED"));
        decide(appeal, "DISMISSED", "The facts are recorded as witnessed.");
    }

    @Test
    void anUpheldAppealRemovesTheEntryFromEveryLookupAtOnceAndWritesToThePerson() {
        Entry entry = toldToday(approved());
        assertEquals(List.of(entry.id()), lookUp(entry.postcode()));
        ExtractableResponse<Response> appeal = lodge(entry.id(), TODAY);
        String reasons = "The incident was by someone else.";
        ExtractableResponse<Response> decided = decide(appeal, "UPHELD", reasons);
        assertEquals("DECIDED", decided.path("state"));
        assertEquals("UPHELD", decided.path("decision.outcome"));
        assertNull(decided.<Object>path("decision.restrictionsLifted"), "an entry has no restrictions to lift");
        assertNull(decided.<Object>path("ombudsman"));

        approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .body("state", equalTo("REMOVED"))
                .body("removal.reason", equalTo("APPEAL_UPHELD"))
                .body("removal.notes", equalTo(reasons))
                .body("removal.removedBy.subject", equalTo(REVIEWER));
        Api.as("FIELD_OFFICER").body("{\"postcode\":\"" + entry.postcode() + "\",\"purpose\":\"VISIT\"}")
                .post("/register-lookups").then().statusCode(200)
                .body("precautionsApply", equalTo(false)).body("matches", empty());

        List<Object> removal = letters(entry.id(), "REGISTER_REMOVAL");
        assertEquals(1, removal.size());
        for (String words : words(removal.get(0))) {
            assertTrue(words.contains("because your appeal was upheld"), words);
        }
        List<Object> outcome = letters(entry.id(), "APPEAL_OUTCOME");
        assertEquals(1, outcome.size());
        Api.as("LEGAL").get("/letters/" + outcome.get(0)).then().body("customerId", nullValue());
        for (String words : words(outcome.get(0))) {
            assertAll(
                    () -> assertTrue(words.contains("Dear " + PERSON), words),
                    () -> assertTrue(words.contains("We have upheld your appeal. This means we agree that the "
                            + "information should not be on our register, and we have removed it."), words),
                    () -> assertTrue(words.contains(reasons), "why"),
                    () -> assertFalse(words.contains("contact us in the usual way"), words));
        }

        List<Object> bodies = TestServices.query("select body from notification where kind = 'APPEAL_OUTCOME' "
                + "and dedupe_key like ?", "%" + appeal.path("id") + "%");
        assertFalse(bodies.isEmpty());
        for (Object body : bodies) {
            assertTrue(((String) body).contains("the entry is removed"), (String) body);
            assertFalse(((String) body).contains("Harper") || ((String) body).contains("Hill Street"),
                    "no personal detail in notifications");
        }
    }

    @Test
    void aDismissedAppealLeavesTheEntryInForceAndTheCustomerOnRecordIsWrittenTo() {
        String customer = Fixtures.customer("Register Customer " + UUID.randomUUID());
        String postcode = postcode();
        Entry entry = toldToday(approved(content("\"customerId\":\"" + customer + "\"", postcode, "HIGH"), postcode));
        ExtractableResponse<Response> appeal = lodge(entry.id(), TODAY);
        assertEquals(customer, appeal.path("customerId"));
        assertNull(appeal.<Object>path("caseId"));
        ExtractableResponse<Response> decided = decide(appeal, "DISMISSED", "The precautions are proportionate.");
        assertEquals("DISMISSED", decided.path("decision.outcome"));
        assertEquals("Local Government and Social Care Ombudsman, or the Housing Ombudsman for housing matters",
                decided.path("ombudsman.name"));

        approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then().body("state",
                equalTo("APPROVED"));
        assertEquals(List.of(entry.id()), lookUp(entry.postcode()));
        assertTrue(letters(entry.id(), "REGISTER_REMOVAL").isEmpty());

        Api.as("LEGAL").get("/customers/" + customer + "/letters").then().statusCode(200)
                .body("items.kind", hasItem("APPEAL_ACKNOWLEDGEMENT")).body("items.kind", hasItem("APPEAL_OUTCOME"));
        List<Object> outcome = letters(entry.id(), "APPEAL_OUTCOME");
        Api.as("LEGAL").get("/letters/" + outcome.get(0)).then().body("customerId", equalTo(customer))
                .body("caseId", nullValue());
        for (String words : words(outcome.get(0))) {
            assertAll(
                    () -> assertTrue(words.contains("We have not upheld your appeal. The information stays on our "
                            + "register"), words),
                    () -> assertFalse(words.contains("The decision stands, and the arrangements stay in place"),
                            words),
                    () -> assertFalse(words.contains("We will still accept any new complaint"), words));
        }
    }

    @Test
    void aRegisterAppealNotDecidedInTimeIsFlaggedAndTheDecisionJobsPassItBy() {
        Entry entry = toldToday(approved());
        String appeal = lodge(entry.id(), TODAY).path("id");
        TestServices.sql("update appeal set decision_due_on = ? where id = ?", TODAY.minusDays(1),
                UUID.fromString(appeal));
        Fixtures.runJob("FLAG_OVERDUE_APPEAL_DECISIONS");
        Fixtures.runJob("FLAG_OVERDUE_APPEAL_DECISIONS");
        assertEquals(List.of("POLICY_OWNER"), TestServices.query("select recipient from notification where kind = "
                + "'APPEAL_DECISION_OVERDUE' and dedupe_key like ?", "%" + appeal + "%"), "flagged once");
        Fixtures.runJob("CLOSE_APPEAL_WINDOWS");
        reviewer().queryParam("overdue", true).queryParam("limit", 100).get("/appeals").then().statusCode(200)
                .body("items.find { it.id == '" + appeal + "' }.decisionOverdue", equalTo(true));
    }

    @Test
    void appealsLodgedAtOnceAgainstOneEntryLeaveOneLiveAndNeverFail() throws Exception {
        Entry entry = toldToday(approved());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> Api.as(Fixtures.OFFICER).body(appealBody(entry.id(), TODAY))
                        .post("/appeals").then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, appealsAgainst(entry.id()));
    }

    /** Every outcome, in both languages and formats, speaks of the register entry and not of contact. */
    @Test
    void theAppealLettersSpeakOfTheRegisterInWelshAndEnglish() {
        for (String outcome : List.of("UPHELD", "VARIED", "DISMISSED", "REFUSED_OUT_OF_TIME")) {
            var rendered = renderer.render(LetterKind.APPEAL_OUTCOME, List.of(LetterLanguage.CY, LetterLanguage.EN),
                    (language, subject) -> view(language, subject, outcome));
            for (String words : List.of(words(rendered.html()), words(rendered.text()))) {
                assertAll(outcome,
                        () -> assertTrue(words.contains("ein penderfyniad i gofnodi gwybodaeth ar ein cofrestr"),
                                words),
                        () -> assertTrue(words.contains("our decision to record information on our register"),
                                words),
                        () -> assertFalse(words.contains("ein penderfyniad am eich cyswllt â ni")
                                || words.contains("our decision about your contact with us"), words),
                        () -> assertFalse(words.contains("We will still accept any new complaint"), words));
            }
        }
        var acknowledgement = renderer.render(LetterKind.APPEAL_ACKNOWLEDGEMENT,
                List.of(LetterLanguage.CY, LetterLanguage.EN), (language, subject) -> view(language, subject, null));
        for (String words : List.of(words(acknowledgement.html()), words(acknowledgement.text()))) {
            assertAll(
                    () -> assertTrue(words.contains("bydd y wybodaeth yn aros ar ein cofrestr"), words),
                    () -> assertTrue(words.contains("the information stays on our register"), words),
                    () -> assertFalse(words.contains("y trefniadau y dywedasom wrthych amdanynt"), words),
                    () -> assertFalse(words.contains("the arrangements we told you about"), words));
        }
    }

    private static LetterView view(LetterLanguage language, String subject, String outcome) {
        return new LetterView(language.name().toLowerCase(), true, subject, "Cyngor", PERSON,
                List.of("12 Hill Street"), "3 December 2026", null, "Reasons.", List.of(), List.of(), null, null,
                null, null, "24 December 2026", outcome, outcome != null && !"UPHELD".equals(outcome), "Ombwdsmon",
                "https://www.lgo.org.uk", "Director", "one year", null, 15, true);
    }
}
