package org.ubcs.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.letter.domain.LetterWording;

class LetterWordingTest {

    @Test
    void datesAreWrittenOutInTheLettersLanguage() {
        LocalDate date = LocalDate.of(2026, 11, 3);
        assertEquals("3 November 2026", LetterWording.date(date, LetterLanguage.EN));
        assertEquals("3 Tachwedd 2026", LetterWording.date(date, LetterLanguage.CY));
        assertEquals("28 Chwefror 2027", LetterWording.date(LocalDate.of(2027, 2, 28), LetterLanguage.CY));
        assertNull(LetterWording.date(null, LetterLanguage.EN));
    }

    @Test
    void periodsAreInWordsWithWelshNumberForms() {
        assertEquals("one year", LetterWording.period(Period.ofYears(1), LetterLanguage.EN));
        assertEquals("blwyddyn", LetterWording.period(Period.ofYears(1), LetterLanguage.CY));
        assertEquals("six months", LetterWording.period(Period.ofMonths(6), LetterLanguage.EN));
        assertEquals("chwe mis", LetterWording.period(Period.ofMonths(6), LetterLanguage.CY));
        assertEquals("one year and six months", LetterWording.period(Period.ofMonths(18), LetterLanguage.EN));
        assertEquals("blwyddyn a chwe mis", LetterWording.period(Period.ofMonths(18), LetterLanguage.CY));
        assertEquals("dwy flynedd a thri mis", LetterWording.period(Period.of(2, 3, 0), LetterLanguage.CY));
        assertEquals("pum mlynedd", LetterWording.period(Period.ofYears(5), LetterLanguage.CY));
        assertEquals("tair blynedd, pedwar mis a phum diwrnod",
                LetterWording.period(Period.of(3, 4, 5), LetterLanguage.CY));
        assertEquals("14 days", LetterWording.period(Period.ofDays(14), LetterLanguage.EN));
        assertEquals("14 o ddiwrnodau", LetterWording.period(Period.ofDays(14), LetterLanguage.CY));
        assertNull(LetterWording.period(Period.ZERO, LetterLanguage.EN));
    }
}
