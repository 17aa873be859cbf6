package org.ubcs.letter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.api.model.LetterKind;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Monmouthshire;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A bilingual council (Monmouthshire): every letter in Welsh, then in English. */
@QuarkusTest
@TestProfile(Monmouthshire.class)
class LetterInWelshTest {

    static final LocalDate TODAY = Fixtures.TODAY;

    @Inject
    LetterService letters;

    static String english(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    static String welsh(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("cy")));
    }

    @Test
    void aDecisionLetterIsInWelshFirstThenInEnglishWithTheSameFacts() {
        String customer = Letters.customer("Rhian Example");
        String kase = Letters.caseFor(customer);
        LetterFacts facts = Letters.decision(TODAY);
        ExtractableResponse<Response> letter = Letters.read(
                Letters.issue(letters, LetterKind.DECISION_TO_APPLY, customer, kase, facts));

        assertEquals(List.of("CY", "EN"), letter.path("languages"));
        assertEquals("Sut y byddwn yn rheoli eich cyswllt â'r cyngor / "
                + "How we will manage your contact with the council", letter.path("subject"));
        String html = letter.path("html");
        String text = letter.path("text");
        assertTrue(html.indexOf("<section lang=\"cy\">") >= 0
                && html.indexOf("<section lang=\"cy\">") < html.indexOf("<section lang=\"en\">"), html);
        assertTrue(html.contains("<html lang=\"cy\">"), html);

        for (String version : List.of(html, text)) {
            String words = Letters.words(version);
            int english = words.indexOf("Dear Rhian Example,");
            String cy = words.substring(0, english);
            String en = words.substring(english);
            assertAll(
                    () -> assertTrue(words.indexOf("Annwyl Rhian Example,") >= 0
                            && words.indexOf("Annwyl Rhian Example,") < english, "Welsh first"),
                    () -> assertTrue(cy.contains("Cyngor Sir Fynwy") && en.contains("Monmouthshire County Council"),
                            "the council's name in each language"),
                    () -> assertTrue(cy.contains(welsh(TODAY)) && en.contains(english(TODAY)), "the date"),
                    () -> assertTrue(cy.contains(Letters.WHY) && en.contains(Letters.WHY), "why, in each"),
                    () -> assertTrue(cy.contains(Letters.ACTIONS.get(1)) && en.contains(Letters.ACTIONS.get(1)),
                            "the actions, in each"),
                    () -> assertTrue(cy.contains("erbyn " + welsh(facts.reviewOn()))
                            && en.contains("by " + english(facts.reviewOn())), "the review date"),
                    () -> assertTrue(cy.contains("Ysgrifennwch atom erbyn " + welsh(facts.challengeBy()))
                            && en.contains("write to us by " + english(facts.challengeBy())), "challenge by"),
                    () -> assertTrue(cy.contains("Ombwdsmon Gwasanaethau Cyhoeddus Cymru")
                            && en.contains("Public Services Ombudsman for Wales")
                            && cy.contains("https://www.ombudsman.wales") && en.contains("https://www.ombudsman.wales"),
                            "the Ombudsman for Wales"),
                    () -> assertTrue(cy.contains("nes bod blwyddyn wedi mynd heibio ers i'ch achos gael ei gau")
                            && en.contains("We keep it for one year after your case is closed"), "retention"),
                    () -> assertTrue(cy.contains("yn Gymraeg neu yn Saesneg")
                            && en.contains("in Welsh or in English"), "either language welcome"));
        }
    }
}
