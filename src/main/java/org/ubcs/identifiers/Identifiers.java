package org.ubcs.identifiers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The one rule for the identifiers a person is found by: the same phone number, email address, postcode or name
 * matches however it was written. Every write stores, and every lookup compares, the normal form made here. Text that
 * cannot be recognised gives null, which callers must refuse: it never means "nobody".
 */
public final class Identifiers {

    /** The country a phone number without an international prefix is read in. */
    public static final String DEFAULT_REGION = "GB";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Digits, with the separators people write numbers with, and an optional leading +. */
    private static final Pattern PHONE_TEXT = Pattern.compile("\\+?[0-9 ().\\-/]+");
    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");

    private Identifiers() {
    }

    /**
     * A phone number in E.164 ({@code +441604999111}) from any usual way of writing it: national or international,
     * {@code 00} or {@code +}, a {@code (0)}, spaces, dashes, dots or brackets. Null unless it is a whole number (one
     * that needs no area code added to be dialled), at home or abroad.
     */
    public static String phone(String text) {
        if (text == null || !PHONE_TEXT.matcher(text.strip()).matches()) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(text, DEFAULT_REGION);
            return PHONES.isPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * What part of a phone number looks like inside an E.164 one, for searching: its digits, with a national
     * {@code 0} read as the UK's {@code 44}, an international {@code 00} dropped and a {@code (0)} ignored. Null
     * without three digits.
     */
    public static String phoneFragment(String text) {
        String written = text.replace("(0)", "").strip();
        String digits = written.replaceAll("[^0-9]", "");
        if (!written.startsWith("+") && digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (!written.startsWith("+") && digits.startsWith("0")) {
            digits = "44" + digits.substring(1);
        }
        return digits.length() < 3 ? null : digits;
    }

    /** An email address as it is compared: without surrounding spaces, ignoring case. Null if it is not one. */
    public static String emailKey(String text) {
        if (text == null) {
            return null;
        }
        String address = fold(text.strip());
        return EMAIL.matcher(address).matches() ? address : null;
    }

    /** A UK postcode in its normal form ({@code CB3 0AP}), however spaced or cased. Null if it is not one. */
    public static String postcode(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = POSTCODE.matcher(SPACES.matcher(text).replaceAll("").toUpperCase(Locale.ROOT));
        return matcher.matches() ? matcher.group(1) + " " + matcher.group(2) : null;
    }

    /** A postcode as it is compared and searched: capitals, no spaces ({@code CB30AP}). Null if it is not one. */
    public static String postcodeKey(String text) {
        String postcode = postcode(text);
        return postcode == null ? null : postcode.replace(" ", "");
    }

    /** A name as it is compared: spaces collapsed, ignoring case and how accents were typed. */
    public static String nameKey(String text) {
        return text == null ? null : fold(SPACES.matcher(text.strip()).replaceAll(" "));
    }

    /**
     * The first line of an address as it is compared, and matched from its beginning: folded like a name, with
     * punctuation read as a space ({@code "12, Hill St."} is {@code "12 hill st"}). Null when nothing is left.
     */
    public static String addressKey(String text) {
        if (text == null) {
            return null;
        }
        String key = SPACES.matcher(PUNCTUATION.matcher(fold(text)).replaceAll(" ")).replaceAll(" ").strip();
        return key.isEmpty() ? null : key;
    }

    /** A UPRN as it is compared: its number, without leading zeros. Null when it is not one. */
    public static String uprnKey(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,12}")) {
            return null;
        }
        return text.strip().replaceFirst("^0+(?=.)", "");
    }

    /** Part of an email address, as searched inside email keys. */
    public static String emailFragment(String text) {
        return fold(text.strip());
    }

    /** Part of a postcode, as searched inside postcode keys: capitals, no spaces. */
    public static String postcodeFragment(String text) {
        return SPACES.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
