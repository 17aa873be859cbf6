package org.ubcs.identifiers;

import java.util.Random;

import org.ubcs.support.Seeded;

/**
 * Writes one phone number the many ways people do: national or international, {@code +}, {@code 00} or {@code +44
 * (0)}, grouped with spaces, dashes or dots, the area code in brackets or not. For property tests that require the
 * same answer whichever way the number is written.
 */
public final class PhoneFormats {

    private PhoneFormats() {
    }

    /**
     * A UK number, given as its digits after the national 0 ({@code 1604999111}), written at random.
     */
    public static String uk(String significant, int areaDigits, Random random) {
        String area = significant.substring(0, areaDigits);
        String rest = significant.substring(areaDigits);
        return switch (random.nextInt(6)) {
            case 0 -> "0" + group(area, random) + gap(random) + group(rest, random);
            case 1 -> "(0" + area + ")" + Seeded.oneOf(random, " ", "") + group(rest, random);
            case 2 -> "+44" + Seeded.oneOf(random, " ", "") + group(area, random) + gap(random) + group(rest, random);
            case 3 -> "+44 (0)" + group(area, random) + gap(random) + group(rest, random);
            case 4 -> "0044" + Seeded.oneOf(random, " ", "-", "") + group(area, random) + gap(random)
                    + group(rest, random);
            default -> Seeded.oneOf(random, " ", "") + "0" + significant + Seeded.oneOf(random, " ", "");
        };
    }

    /** A number abroad, given as country code and national digits, written at random. */
    public static String abroad(String countryCode, String national, Random random) {
        String prefix = Seeded.oneOf(random, "+", "00", "+ ");
        return prefix + countryCode + Seeded.oneOf(random, " ", "-", "") + group(national, random);
    }

    /** The digits, split at random places by one of the separators people use. */
    private static String group(String digits, Random random) {
        StringBuilder text = new StringBuilder();
        String separator = Seeded.oneOf(random, " ", "-", ".");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && random.nextInt(4) == 0) {
                text.append(separator);
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    private static String gap(Random random) {
        return Seeded.oneOf(random, " ", "-", ".", "", "  ");
    }
}
