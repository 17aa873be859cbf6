package org.ubcs.letter.domain;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * Everything one language version of a letter may say, already in that language: dates written out ("3 November
 * 2026", "3 Tachwedd 2026"), periods in words, the council's and the Ombudsman's names. The templates under
 * {@code templates/letters/} read it as {@code letter}; a field a kind of letter does not use is null or empty.
 *
 * @param language the language code, lower case ({@code en}, {@code cy}), for the HTML {@code lang} attribute
 * @param bilingual whether the letter also has a version in the other language
 * @param subject the subject line in this language
 * @param council the council's name in this language
 * @param customerName the customer's full name
 * @param address the customer's address, one line each (empty if none is recorded)
 * @param date the date of the letter
 * @param matter the case's matter
 * @param why the reasons, the behaviour or the incident, in the words of the officer who recorded them
 * @param actions the restrictions (worded in this language) and then the agreed actions, one line each
 * @param previous for a letter about a change: the restrictions as they were, or those that ended, one line each
 * @param startsOn from when
 * @param endsOn until when (null: until reviewed or lifted)
 * @param reviewOn the review date
 * @param challengeBy the last day to appeal or ask for a review
 * @param dueOn when the outcome of an appeal is due
 * @param outcome the outcome's name (CONTINUE, MODIFY, LIFT, UPHELD, VARIED, DISMISSED, REFUSED_OUT_OF_TIME)
 * @param ombudsman whether to tell the customer they may go to the Ombudsman
 * @param ombudsmanName the Ombudsman's name in this language
 * @param ombudsmanUrl the Ombudsman's web address
 * @param appealReviewer who considers a challenge, as the profile names the role in this language
 * @param retention how long personal information is kept after the case is closed, in words
 * @param reviewRequestAfter after how long the customer may ask for a review, in words (null: at any time)
 * @param appealDecisionWorkingDays within how many working days an appeal is decided (0: no appeal stage)
 * @param aboutRegister whether the letter is about an entry on the register of potentially dangerous persons and
 *        properties (an appeal letter then speaks of the entry, not of a decision about contact)
 */
@TemplateData
public record LetterView(String language, boolean bilingual, String subject, String council, String customerName,
        List<String> address, String date, String matter, String why, List<String> actions, List<String> previous,
        String startsOn, String endsOn, String reviewOn, String challengeBy, String dueOn, String outcome,
        boolean ombudsman, String ombudsmanName, String ombudsmanUrl, String appealReviewer, String retention,
        String reviewRequestAfter,
        int appealDecisionWorkingDays, boolean aboutRegister) {
}
