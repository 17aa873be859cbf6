package org.ubcs.subjectaccess;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.Monmouthshire;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The printable export under a bilingual council's profile (Monmouthshire, the profile class the Welsh letters are
 * tested under, so no further Quarkus restart): the Welsh version first, then the English, each with its own headings,
 * introduction and council name.
 */
@QuarkusTest
@TestProfile(Monmouthshire.class)
class SubjectAccessExportInWelshTest {

    static final String REASON = "{\"reason\":\"Cais gwrthrych am wybodaeth, cyf SAR-7.\"}";

    static final List<String> WELSH_HEADINGS = List.of("Eich manylion", "Achosion",
            "Cyfyngiadau ar gysylltu (pob fersiwn)", "Llythyrau", "Cysylltiadau a gofnodwyd",
            "Gohebiaeth a ddarllenwyd ac a ffeiliwyd", "Cofrestr o bobl ac eiddo a allai fod yn beryglus",
            "Apeliadau yn erbyn cofnodion ar y gofrestr");

    static final List<String> ENGLISH_HEADINGS = List.of("Your details", "Cases",
            "Restrictions on contact (every version)", "Letters", "Contacts recorded", "Correspondence read and filed",
            "Register of potentially dangerous persons and properties", "Appeals against register entries");

    @Test
    void theHtmlPageIsInWelshFirstThenInEnglish() {
        Case kase = Fixtures.referred();
        Api.as(Fixtures.OFFICER).body("""
                {"occurredAt":"2026-10-02T09:15:00+01:00","channel":"TELEPHONE","officer":"Aled Swyddog",
                 "behaviours":["REPETITION"],"summary":"Pedwaredd alwad yr wythnos hon."}""")
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201);
        String name = Api.as("LEGAL").get("/customers/" + kase.customerId()).then().extract().path("fullName");

        String html = Api.as("LEGAL").accept("text/html").body(REASON)
                .post("/customers/" + kase.customerId() + "/subject-access-exports").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();

        int cyStart = html.indexOf("<section lang=\"cy\">");
        int enStart = html.indexOf("<section lang=\"en\">");
        assertTrue(html.contains("<html lang=\"cy\">"), "the document is Welsh first: " + html);
        assertTrue(cyStart >= 0 && enStart > cyStart, "the Welsh version, then the English: " + html);
        String cy = html.substring(cyStart, enStart);
        String en = html.substring(enStart);
        assertAll(
                () -> assertTrue(cy.contains("<h1>Gwybodaeth sydd gennym amdanoch chi, " + name + "</h1>"), cy),
                () -> assertTrue(en.contains("<h1>Information we hold about " + name + "</h1>"), en),
                () -> assertTrue(cy.contains("Paratowyd ar") && en.contains("Prepared on"), "the introduction"),
                () -> assertTrue(cy.contains("Cyngor Sir Fynwy") && !cy.contains("Monmouthshire County Council"),
                        "the council's Welsh name in the Welsh version: " + cy),
                () -> assertTrue(en.contains("Monmouthshire County Council"), "its English name in the English"),
                () -> assertTrue(cy.contains("o werthoedd wedi'u hamlygu yn ddata personol pobl eraill"),
                        "the redaction notice in Welsh: " + cy),
                () -> assertTrue(en.contains("highlighted values are other people's personal data"),
                        "the redaction notice in English"),
                () -> assertTrue(cy.contains("<p>Dim.</p>") && en.contains("<p>None.</p>"), "empty sections"),
                () -> assertTrue(cy.contains("Aled Swyddog") && en.contains("Aled Swyddog"), "the same facts in both"));
        for (String heading : WELSH_HEADINGS) {
            assertTrue(cy.contains("<h2>" + heading), "Welsh heading " + heading);
            assertTrue(!en.contains("<h2>" + heading), "no Welsh heading in the English version: " + heading);
        }
        for (String heading : ENGLISH_HEADINGS) {
            assertTrue(en.contains("<h2>" + heading), "English heading " + heading);
            assertTrue(!cy.contains("<h2>" + heading), "no English heading in the Welsh version: " + heading);
        }
    }
}
