package org.ubcs.letter;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ubcs.api.model.LetterKind;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Letters under the default profile (Cambridgeshire: English only, the Local Government Ombudsman, one year). */
@QuarkusTest
class LetterTest {

    static final LocalDate TODAY = Fixtures.TODAY;
    static final String COUNCIL = "Cambridgeshire County Council";
    static final String OMBUDSMAN = "Local Government and Social Care Ombudsman";

    @Inject
    LetterService letters;

    static String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    @Test
    void aDecisionLetterSaysWhyWhatHowLongTheReviewHowToChallengeTheOmbudsmanAndTheRetention() {
        String customer = Letters.customer("Alex Example");
        String kase = Letters.caseFor(customer);
        LetterFacts facts = Letters.decision(TODAY);
        String id = Letters.issue(letters, LetterKind.DECISION_TO_APPLY, customer, kase, facts);

        ExtractableResponse<Response> letter = Letters.read(id);
        assertEquals("\"0\"", letter.header("ETag"));
        assertEquals("DECISION_TO_APPLY", letter.path("kind"));
        assertEquals(customer, letter.path("customerId"));
        assertEquals(kase, letter.path("caseId"));
        assertEquals(List.of("EN"), letter.path("languages"));
        assertEquals("How we will manage your contact with the council", letter.path("subject"));
        assertNull(letter.path("sentOn"));
        String html = letter.path("html");
        String text = letter.path("text");
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<html lang=\"en\">"), html);

        for (String version : List.of(html, text)) {
            String words = Letters.words(version);
            assertAll(
                    () -> assertTrue(words.contains(COUNCIL), "the council"),
                    () -> assertTrue(words.contains("Alex Example") && words.contains("1 Mill Lane")
                            && words.contains("Exampleton") && words.contains("EX1 2AB"), "name and address"),
                    () -> assertTrue(words.contains(date(TODAY)), "the date"),
                    () -> assertTrue(words.contains("Dear Alex Example,"), "the greeting"),
                    () -> assertTrue(words.contains(Letters.MATTER), "the matter"),
                    () -> assertTrue(words.contains(Letters.WHY), "why"),
                    () -> assertTrue(words.contains(Letters.ACTIONS.get(0))
                            && words.contains(Letters.ACTIONS.get(1)), "each action"),
                    () -> assertTrue(words.contains("These arrangements start on " + date(TODAY)), "from when"),
                    () -> assertTrue(words.contains("The arrangements will last until we review them."),
                            "how long"),
                    () -> assertTrue(words.contains(date(facts.reviewOn())), "the review date"),
                    () -> assertTrue(words.contains("write to us by " + date(facts.challengeBy())),
                            "how to challenge and by when"),
                    () -> assertTrue(words.contains("within 15 working days"), "when the challenge is decided"),
                    () -> assertTrue(words.contains("We will still accept any new complaint from you"),
                            "never all contact cut off"),
                    () -> assertTrue(words.contains(OMBUDSMAN) && words.contains("https://www.lgo.org.uk"),
                            "the Ombudsman"),
                    () -> assertTrue(words.contains("We share it only with the staff and partner organisations "
                            + "who need to know"), "shared on a need-to-know basis"),
                    () -> assertTrue(words.contains("We keep it for one year after your case is closed"),
                            "the retention period"),
                    () -> assertFalse(words.contains("Annwyl"), "no Welsh in an English-only profile"));
        }
        assertFalse(text.contains("<p>") || text.contains("<li>"), text);

        Api.as("LEGAL").get("/cases/" + kase + "/letters").then().statusCode(200).body("items.id", contains(id));
        Api.as("AUDITOR").queryParam("entityType", "LETTER").queryParam("entityId", id).get("/audit-events").then()
                .statusCode(200).body("items.action", contains("LETTER_ISSUED"))
                .body("items[0].caseId", equalTo(kase))
                .body("items[0].actor.subject", equalTo(Letters.OFFICER.subject()));
    }

    /** One letter of a kind, and what it must say (in both HTML and plain text) or must not. */
    record Scenario(LetterKind kind, LetterFacts facts, String subject, List<String> says, List<String> saysNot) {
    }

    @Test
    void everyKindOfLetterIsWrittenInHtmlAndPlainTextWithTheFactsItIsAbout() {
        LocalDate review = TODAY.plusMonths(6);
        LocalDate by = TODAY.plusDays(21);
        LocalDate ends = TODAY.plusDays(14);
        String why = "Shouted at reception staff on " + date(TODAY) + ".";
        List<String> one = List.of("No face-to-face contact.");
        List<Scenario> scenarios = List.of(
                new Scenario(LetterKind.PRIOR_WARNING,
                        new LetterFacts(Letters.MATTER, why, List.of("Write to us no more than once a week."), null,
                                null, null, by, null, null, false),
                        "About the way you have been contacting us",
                        List.of(why, "Write to us no more than once a week.", "This letter is a warning.",
                                "please tell us by " + date(by)),
                        List.of(OMBUDSMAN)),
                new Scenario(LetterKind.DECISION_TO_APPLY, Letters.decision(TODAY),
                        "How we will manage your contact with the council",
                        List.of(Letters.WHY, Letters.ACTIONS.get(0), date(TODAY.plusMonths(6)), date(by), OMBUDSMAN),
                        List.of()),
                new Scenario(LetterKind.DECISION_NOT_TO_APPLY,
                        new LetterFacts(Letters.MATTER, "The new contact raised a genuinely new issue.", List.of(),
                                null, null, null, null, null, null, false),
                        "Our decision about your contact with the council",
                        List.of("We have decided not to.", "The new contact raised a genuinely new issue.",
                                "You can continue to contact us in the usual way."),
                        List.of("If you disagree with this decision", OMBUDSMAN)),
                new Scenario(LetterKind.EMERGENCY_RESTRICTION,
                        new LetterFacts(null, why, one, TODAY, ends, TODAY.plusDays(7), TODAY.plusDays(5), null, null,
                                false),
                        "Urgent: short-term limits on your contact with the council",
                        List.of(why, "No face-to-face contact.", "will end on " + date(ends) + " at the latest",
                                "By " + date(TODAY.plusDays(7)) + ", a senior officer",
                                "please write to us by " + date(TODAY.plusDays(5))),
                        List.of(OMBUDSMAN)),
                new Scenario(LetterKind.REVIEW_OUTCOME,
                        new LetterFacts(Letters.MATTER, "Contact has improved but calls continue.", one, null, null,
                                review, by, null, "CONTINUE", true),
                        "The outcome of our review of your contact arrangements",
                        List.of("the arrangements should continue for now", "Contact has improved but calls continue.",
                                "No face-to-face contact.", "We will review them again by " + date(review),
                                "write to us by " + date(by), OMBUDSMAN),
                        List.of("We have decided to lift")),
                new Scenario(LetterKind.REVIEW_OUTCOME,
                        new LetterFacts(Letters.MATTER, "No contact of concern for six months.", one, TODAY, null,
                                null, null, null, "LIFT", false),
                        "The outcome of our review of your contact arrangements",
                        List.of("We have decided to lift the arrangements.",
                                "From " + date(TODAY) + ", you can contact us in the usual way."),
                        List.of("If you disagree with this decision", "No face-to-face contact.")),
                new Scenario(LetterKind.LIFTING,
                        new LetterFacts(Letters.MATTER, "Appeal upheld.", one, TODAY, null, null, null, null, null,
                                false),
                        "We have lifted the limits on your contact with the council",
                        List.of("with effect from " + date(TODAY), "The following no longer apply:",
                                "No face-to-face contact.", "Appeal upheld."),
                        List.of()),
                new Scenario(LetterKind.LAPSE,
                        new LetterFacts(Letters.MATTER, null, one, null, TODAY, TODAY.minusDays(1), null, null, null,
                                false),
                        "The limits on your contact with the council have ended",
                        List.of("ended on " + date(TODAY),
                                "because we did not review them by " + date(TODAY.minusDays(1))),
                        List.of()),
                new Scenario(LetterKind.APPEAL_ACKNOWLEDGEMENT,
                        new LetterFacts(Letters.MATTER, null, List.of(), null, null, null, null, by, null, false),
                        "We have received your appeal",
                        List.of("We are treating it as an appeal.", "with the outcome by " + date(by),
                                "the arrangements we told you about stay in place"),
                        List.of(OMBUDSMAN)),
                new Scenario(LetterKind.APPEAL_OUTCOME,
                        new LetterFacts(Letters.MATTER, "The restrictions are proportionate.", one, null, null,
                                review, null, null, "DISMISSED", true),
                        "The outcome of your appeal",
                        List.of("We have not upheld your appeal.", "The restrictions are proportionate.",
                                "No face-to-face contact.", date(review), "This is our final answer on your appeal.",
                                "you can ask the " + OMBUDSMAN + " to look into it"),
                        List.of()),
                new Scenario(LetterKind.APPEAL_OUTCOME,
                        new LetterFacts(Letters.MATTER, "The restrictions were not proportionate.", one, null, null,
                                null, null, null, "UPHELD", false),
                        "The outcome of your appeal",
                        List.of("We have upheld your appeal.", "The following no longer apply:",
                                "No face-to-face contact."),
                        List.of(OMBUDSMAN, "What this does not change")));

        String customer = Letters.customer("Sam Scenario");
        String kase = Letters.caseFor(customer);
        List<String> ids = new ArrayList<>();
        List<Executable> checks = new ArrayList<>();
        for (Scenario s : scenarios) {
            String id = Letters.issue(letters, s.kind(), customer, kase, s.facts());
            ids.add(id);
            ExtractableResponse<Response> letter = Letters.read(id);
            Map<String, String> versions = Map.of("html", letter.path("html"), "text", letter.path("text"));
            checks.add(() -> assertEquals(s.subject(), letter.path("subject"), s.kind() + " subject"));
            versions.forEach((format, version) -> {
                String words = Letters.words(version);
                String what = s.kind() + " " + s.facts().outcome() + " (" + format + ")";
                checks.add(() -> assertTrue(words.contains("Dear Sam Scenario,") && words.contains(COUNCIL)
                        && words.contains(date(TODAY)) && words.contains("EX1 2AB"),
                        what + ": letterhead\n" + version));
                checks.add(() -> assertTrue(words.contains("How we use your personal information")
                        && words.contains("one year after your case is closed"), what + ": privacy\n" + version));
                for (String expected : s.says()) {
                    checks.add(() -> assertTrue(words.contains(expected), what + " says '" + expected + "'\n"
                            + version));
                }
                for (String unexpected : s.saysNot()) {
                    checks.add(() -> assertFalse(words.contains(unexpected), what + " must not say '" + unexpected
                            + "'\n" + version));
                }
            });
        }
        assertAll(checks);

        // Oldest first, for the case and for the customer.
        Api.as("APPEAL_REVIEWER").get("/cases/" + kase + "/letters").then().statusCode(200)
                .body("items.id", equalTo(ids))
                .body("items.kind", equalTo(scenarios.stream().map(s -> s.kind().name()).toList()));
        Api.as("POLICY_OWNER").get("/customers/" + customer + "/letters").then().statusCode(200)
                .body("items.id", equalTo(ids));
    }

    @Test
    void whatUsersTypedIsEscapedInHtmlAndKeptAsTypedInPlainText() {
        String name = "<script>alert(1)</script> O'Brien & Co";
        String why = "Wrote \"<b>you will regret this</b>\" on 12 emails.";
        String customer = Letters.customer(name);
        String id = Letters.issue(letters, LetterKind.PRIOR_WARNING, customer, null,
                new LetterFacts("<i>Bins</i>", why, List.of("<a href=\"x\">Stop</a>"), null, null, null, null, null,
                        null, false));
        ExtractableResponse<Response> letter = Letters.read(id);
        String html = letter.path("html");
        String text = letter.path("text");
        assertAll(
                () -> assertFalse(html.contains("<script>"), "no script element"),
                () -> assertFalse(html.contains("<b>") || html.contains("<i>") || html.contains("<a href=\"x\">"),
                        "no markup from users"),
                () -> assertTrue(html.contains("Dear &lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; Co,"),
                        html),
                () -> assertTrue(html.contains("&lt;b&gt;you will regret this&lt;/b&gt;"), html),
                () -> assertTrue(html.contains("&lt;a href=&quot;x&quot;&gt;Stop&lt;/a&gt;"), html),
                () -> assertTrue(text.contains("Dear " + name + ","), text),
                () -> assertTrue(text.contains(why), text));
    }

    @Test
    void aLetterIsMarkedSentOnceOnADayBetweenItsWritingAndToday() {
        String customer = Letters.customer("Pat Post");
        String kase = Letters.caseFor(customer);
        String id = Letters.issue(letters, LetterKind.DECISION_TO_APPLY, customer, kase, Letters.decision(TODAY));
        String sending = "/letters/" + id + "/sending";
        String today = "{\"sentOn\":\"" + TODAY + "\"}";

        Api.malformedAs(Fixtures.OFFICER).body(today).post(sending).then().statusCode(428)
                .contentType(startsWith("application/problem+json"));
        Api.as(Fixtures.OFFICER).header("If-Match", "\"7\"").body(today).post(sending).then().statusCode(412);
        Api.as(Fixtures.OFFICER).header("If-Match", "\"0\"").body("{\"sentOn\":\"" + TODAY.plusDays(1) + "\"}")
                .post(sending).then().statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"))
                .body("errors.pointer", contains("/sentOn"));
        Api.as(Fixtures.OFFICER).header("If-Match", "\"0\"").body("{\"sentOn\":\"" + TODAY.minusDays(1) + "\"}")
                .post(sending).then().statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"))
                .body("errors.pointer", contains("/sentOn"));
        assertNull(Letters.read(id).path("sentOn"), "nothing refused was recorded");

        String etag = Api.as("POLICY_OWNER").header("If-Match", "\"0\"").body(today).post(sending).then()
                .statusCode(200).body("sentOn", equalTo(TODAY.toString())).body("id", equalTo(id))
                .extract().header("ETag");
        assertEquals("\"1\"", etag);
        assertEquals(TODAY.toString(), Letters.read(id).path("sentOn"));
        Api.as(Fixtures.OFFICER).header("If-Match", etag).body(today).post(sending).then().statusCode(409)
                .body("type", equalTo("urn:ubcs:problem:illegal-step"));
        Api.as("AUDITOR").queryParam("entityType", "LETTER").queryParam("entityId", id).get("/audit-events").then()
                .body("items.action", contains("LETTER_ISSUED", "LETTER_SENT"))
                .body("items[1].actor.subject", equalTo("test-policy_owner"));
    }

    @Test
    void aLetterBeforeAnyCaseIsTheCustomersAndNoCasesAndWorksWithoutAnAddress() {
        String customer = Fixtures.customer("Chris NoAddress");
        String id = Letters.issue(letters, LetterKind.EMERGENCY_RESTRICTION, customer, null,
                new LetterFacts(null, "Threatened an officer at the Civic Centre.", List.of("No face-to-face contact."),
                        TODAY, TODAY.plusDays(14), null, null, null, null, false));
        Api.as("LEGAL").get("/customers/" + customer + "/letters").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].caseId", nullValue());
        String kase = Letters.caseFor(customer);
        Api.as("LEGAL").get("/cases/" + kase + "/letters").then().statusCode(200).body("items", empty());
        String words = Letters.words(Letters.read(id).path("text"));
        assertTrue(words.contains("Chris NoAddress " + date(TODAY)), words);
    }

    @Test
    void unknownLettersCasesAndCustomersAre404() {
        String unknown = UUID.randomUUID().toString();
        Api.as(Fixtures.OFFICER).get("/letters/" + unknown).then().statusCode(404)
                .body("type", equalTo("urn:ubcs:problem:not-found"));
        Api.as(Fixtures.OFFICER).get("/cases/" + unknown + "/letters").then().statusCode(404);
        Api.as(Fixtures.OFFICER).get("/customers/" + unknown + "/letters").then().statusCode(404);
        Api.as(Fixtures.OFFICER).header("If-Match", "\"0\"").body("{\"sentOn\":\"" + TODAY + "\"}")
                .post("/letters/" + unknown + "/sending").then().statusCode(404);
        Api.as(Fixtures.OFFICER).get("/customers/" + Fixtures.customer("No Letters Yet") + "/letters").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void issuingForACaseOfAnotherCustomerIsAMistakeOfTheCallingStep() {
        String customer = Letters.customer("Right Customer");
        String otherCase = Letters.caseFor(Letters.customer("Other Customer"));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> Letters.issue(letters, LetterKind.PRIOR_WARNING, customer,
                        otherCase, Letters.decision(TODAY)));
        assertTrue(refused.getMessage().contains(otherCase), refused.getMessage());
        Api.as(Fixtures.OFFICER).get("/customers/" + customer + "/letters").then().body("items", empty());
    }
}
