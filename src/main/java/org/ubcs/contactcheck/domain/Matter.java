package org.ubcs.contactcheck.domain;

import java.util.UUID;

/**
 * One of the customer's cases as the contact check knows it: its id, the matter it is about (null once the case is
 * closed: a closed case's matter is not offered to the contact centre), and whether it is closed.
 */
public record Matter(UUID caseId, String matter, boolean closed) {

    /** A short title is at most this many code points, the ellipsis included. */
    public static final int SHORT_TITLE_LENGTH = 80;

    /**
     * The matter as a short title: its words as the case records them, spaces collapsed, cut at the last word boundary
     * that fits {@link #SHORT_TITLE_LENGTH} code points (or mid-word when one word is longer than that) and then
     * marked with an ellipsis. It is the matter's own wording, nothing added: no name, address or background.
     */
    public static String shortTitle(String matter) {
        String words = matter.strip().replaceAll("\\s+", " ");
        if (words.codePointCount(0, words.length()) <= SHORT_TITLE_LENGTH) {
            return words;
        }
        int room = words.offsetByCodePoints(0, SHORT_TITLE_LENGTH - 1);
        int cut = words.lastIndexOf(' ', room);
        String kept = (cut > 0 ? words.substring(0, cut) : words.substring(0, room)).stripTrailing();
        // A dangling comma, colon or similar reads badly before the ellipsis.
        kept = kept.replaceAll("[\\s,;:.\\-–—]+$", "");
        return kept + "…";
    }

    /** A matter as the answer names it: the case, its short title, and whether correspondence on it is read and filed. */
    public record Summary(UUID caseId, String title, boolean readAndFile) {
    }
}
