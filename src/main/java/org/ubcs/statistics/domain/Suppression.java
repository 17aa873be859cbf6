package org.ubcs.statistics.domain;

/**
 * The small-numbers rule: small counts can identify people, so a count from 1 up to one less than {@code below} is
 * shown as {@code <below} (for the default 5: 1 to 4 show as {@code <5}); 0 and larger counts are shown. A median or
 * percentile computed from fewer values than {@code below} is hidden the same way.
 */
public record Suppression(int below) {

    public Suppression {
        if (below < 1) {
            throw new IllegalArgumentException("ubcs.statistics.suppress-below must be at least 1, not " + below);
        }
    }

    public boolean hides(long count) {
        return count >= 1 && count < below;
    }

    /** What to print for a count: the number, or {@code <5}. */
    public String display(long count) {
        return hides(count) ? "<" + below : Long.toString(count);
    }

    /** Whether a figure computed from {@code values} values (a median, a percentile) must be hidden. */
    public boolean hidesFigureFrom(long values) {
        return values >= 1 && values < below;
    }
}
