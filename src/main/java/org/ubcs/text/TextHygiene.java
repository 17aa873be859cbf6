package org.ubcs.text;

/**
 * What text the service accepts and stores, wherever it comes from (a body, a query parameter, a token's claims): no
 * C0 control characters (tab, line feed and carriage return only in free text) and no unpaired surrogates, which
 * PostgreSQL cannot store or which mean nothing to a reader. Lengths are counted in Unicode code points, as JSON
 * Schema counts them, and required text must hold something a person can see.
 */
public final class TextHygiene {

    /** Text the contract allows this many characters or more is free text, which may run over several lines. */
    public static final int FREE_TEXT_MAX_LENGTH = 1000;

    private TextHygiene() {
    }

    /** Whether text of this largest length is free text (several lines) rather than a single line. */
    public static boolean isFreeText(int maxLength) {
        return maxLength >= FREE_TEXT_MAX_LENGTH;
    }

    /** Why the text cannot be accepted, or null when it can. */
    public static String problem(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return multiLine ? "must not contain the control character " + unicode(c)
                        : "must be one line without control characters (found " + unicode(c) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (" + unicode(c) + ")";
            }
        }
        return null;
    }

    /** Whether the text holds nothing visible: empty, or only white space and zero-width characters. */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(TextHygiene::invisible);
    }

    /** The length as JSON Schema's {@code maxLength} counts it: in code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT // zero-width space, joiners, BOM, soft hyphen
                || Character.isISOControl(codePoint);
    }

    private static String unicode(char c) {
        return String.format("U+%04X", (int) c);
    }
}
