package org.ubcs.letter;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Monmouthshire;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Monmouthshire (seed 001): a bilingual council. The decision letter states each restriction in Welsh and in English,
 * each in its own words, and the challenge goes to the Customer Access Manager, then the Public Services Ombudsman
 * for Wales. The Welsh is the development team's: a Welsh speaker (the council's translation service) must check it.
 */
@QuarkusTest
@TestProfile(Monmouthshire.class)
class DecisionLetterUnderMonmouthshireTest extends DecisionLetterScenario {

    @Override
    String restrictions() {
        return String.join(",",
                restriction("""
                        {"type":"SINGLE_POINT_OF_CONTACT","officer":{"name":"Rhian Evans",
                         "email":"rhian.evans@example.gov.uk"},"deputy":{"name":"Dafydd Morgan",
                         "phone":"01633 644644"}}""", "THIS_MATTER"),
                restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"EMAIL\",\"LETTER\"]}",
                        "ALL_MATTERS"),
                restriction("""
                        {"type":"TIME_WINDOWS","channels":["EMAIL"],
                         "windows":[{"days":["FRIDAY","MONDAY","WEDNESDAY"],"from":"09:00","to":"17:00"}]}""",
                        "ALL_MATTERS"));
    }

    @Test
    void theDecisionLetterStatesTheRestrictionsInWelshThenInEnglish() {
        Decided decided = decide("Rhian Customer");
        for (String version : List.of(decided.text(), decided.html())) {
            assertSentences(welsh(version), List.of(
                    "Cyngor Sir Fynwy",
                    "Annwyl Rhian Customer,",
                    "Pam rydym wedi gwneud y penderfyniad hwn",
                    "Forty emails in six weeks to five officers.",
                    "Beth fyddwn ni'n ei wneud",
                    "Ysgrifennwch at Rhian Evans, eich pwynt cyswllt unigol, yn rhian.evans@example.gov.uk. "
                            + "Pan fydd Rhian Evans i ffwrdd, cysylltwch â Dafydd Morgan ar 01633 644644. "
                            + "Mae hyn yn berthnasol i'ch cyswllt am y mater hwn yn unig.",
                    "Cysylltwch â ni drwy lythyr neu e-bost yn unig.",
                    "Gallwch gysylltu â ni drwy e-bost ar ddydd Llun, dydd Mercher a dydd Gwener rhwng 09:00 a "
                            + "17:00.",
                    "Bydd y trefniadau hyn yn dechrau ar " + cy(TODAY) + ".",
                    "Bydd y trefniadau'n para nes i ni eu hadolygu.",
                    "Byddwn yn adolygu'r penderfyniad hwn erbyn " + cy(decided.reviewOn()),
                    "Ysgrifennwch atom erbyn " + cy(decided.challengeBy()) + ", gan esbonio pam rydych yn credu ei "
                            + "fod yn anghywir.",
                    "Bydd ein Rheolwr Mynediad Cwsmeriaid, nad oedd yn rhan o'r penderfyniad, yn ystyried yr hyn a "
                            + "ddywedwch, a byddwn yn ysgrifennu atoch gyda'r canlyniad o fewn 15 diwrnod gwaith ar "
                            + "ôl cael eich llythyr.",
                    "gallwch ofyn i Ombwdsmon Gwasanaethau Cyhoeddus Cymru ymchwilio i'r mater."));
            assertSentences(english(version), List.of(
                    "Dear Rhian Customer,",
                    "What we will do",
                    "Please write to Rhian Evans, your single point of contact, at rhian.evans@example.gov.uk. "
                            + "When Rhian Evans is away, please contact Dafydd Morgan on 01633 644644. "
                            + "This applies to your contact about this matter only.",
                    "Please contact us only by letter or email.",
                    "You may email us on Mondays, Wednesdays and Fridays from 09:00 to 17:00.",
                    "These arrangements start on " + en(TODAY) + ".",
                    "Please write to us by " + en(decided.challengeBy()) + ", explaining why you think it is wrong.",
                    "Our Customer Access Manager, who was not involved in the decision, will consider what you say",
                    "you can ask the Public Services Ombudsman for Wales to look into it.",
                    "Monmouthshire County Council"));
            assertNoBareAction(version);
        }
    }
}
