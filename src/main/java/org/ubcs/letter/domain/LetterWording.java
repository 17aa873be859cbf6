package org.ubcs.letter.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ubcs.api.model.LetterLanguage;

/**
 * Dates and periods as a letter writes them, in English or Welsh: "3 November 2026", "one year and six months";
 * "3 Tachwedd 2026", "blwyddyn a chwe mis". Welsh numbers change the noun after them (and are mutated after
 * some words), so the Welsh forms are the plain (radical) ones, for sentences where nothing precedes them that
 * would mutate them: the templates are written that way.
 */
public final class LetterWording {

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WELSH_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("cy"));

    private static final String[] ENGLISH_NUMBERS = { "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve" };

    // Index n: n years, n months, n days in Welsh, with the number's own form and the noun's mutation after it.
    private static final String[] WELSH_YEARS = { null, "blwyddyn", "dwy flynedd", "tair blynedd", "pedair blynedd",
        "pum mlynedd", "chwe blynedd", "saith mlynedd", "wyth mlynedd", "naw mlynedd", "deng mlynedd" };
    private static final String[] WELSH_MONTHS = { null, "mis", "dau fis", "tri mis", "pedwar mis", "pum mis",
        "chwe mis", "saith mis", "wyth mis", "naw mis", "deg mis", "un mis ar ddeg", "deuddeg mis" };
    private static final String[] WELSH_DAYS = { null, "diwrnod", "dau ddiwrnod", "tri diwrnod", "pedwar diwrnod",
        "pum diwrnod", "chwe diwrnod", "saith diwrnod", "wyth diwrnod", "naw diwrnod", "deg diwrnod" };

    private LetterWording() {
    }

    /** The date as written in a letter; null stays null. */
    public static String date(LocalDate date, LetterLanguage language) {
        if (date == null) {
            return null;
        }
        return date.format(language == LetterLanguage.CY ? WELSH_DATE : ENGLISH_DATE);
    }

    /** A period in words, for example "one year and six months" or "blwyddyn a chwe mis"; null for none. */
    public static String period(Period period, LetterLanguage language) {
        if (period == null || period.isZero() || period.isNegative()) {
            return null;
        }
        Period p = period.normalized();
        List<String> parts = new ArrayList<>();
        if (language == LetterLanguage.CY) {
            add(parts, p.getYears(), WELSH_YEARS, "o flynyddoedd");
            add(parts, p.getMonths(), WELSH_MONTHS, "o fisoedd");
            add(parts, p.getDays(), WELSH_DAYS, "o ddiwrnodau");
            return joinWelsh(parts);
        }
        addEnglish(parts, p.getYears(), "year");
        addEnglish(parts, p.getMonths(), "month");
        addEnglish(parts, p.getDays(), "day");
        return joinEnglish(parts);
    }

    private static void add(List<String> parts, int n, String[] words, String many) {
        if (n > 0) {
            parts.add(n < words.length ? words[n] : n + " " + many);
        }
    }

    private static void addEnglish(List<String> parts, int n, String unit) {
        if (n > 0) {
            String number = n < ENGLISH_NUMBERS.length ? ENGLISH_NUMBERS[n] : Integer.toString(n);
            parts.add(number + " " + unit + (n == 1 ? "" : "s"));
        }
    }

    private static String joinEnglish(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    // "a" (and) takes the aspirate mutation: tri > thri, pedwar > phedwar, pum > phum; "chwe" is unchanged.
    private static String joinWelsh(List<String> parts) {
        StringBuilder joined = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            joined.append(i == parts.size() - 1 ? " a " : ", ").append(i == parts.size() - 1
                    ? aspirate(parts.get(i)) : parts.get(i));
        }
        return joined.toString();
    }

    static String aspirate(String word) {
        if (word.startsWith("ch") || word.startsWith("ph") || word.startsWith("th")) {
            return word;
        }
        return switch (word.charAt(0)) {
            case 'c' -> "ch" + word.substring(1);
            case 'p' -> "ph" + word.substring(1);
            case 't' -> "th" + word.substring(1);
            default -> word;
        };
    }
}
