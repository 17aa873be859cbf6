package org.ubcs.statistics.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A count with its breakdown: {@code total} counts each thing once; {@code byKey} counts it under each of its keys
 * (a case with two classifications counts under both), every key of the scale present, zero where nothing was found.
 */
public record Tally(long total, Map<String, Long> byKey) {

    public Tally {
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /** The tally with every key of {@code scale} present, in the scale's order, then any unexpected key found. */
    public static Tally of(long total, Map<String, Long> found, List<String> scale) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        scale.forEach(key -> byKey.put(key, found.getOrDefault(key, 0L)));
        found.forEach(byKey::putIfAbsent);
        return new Tally(total, byKey);
    }

    public long of(String key) {
        return byKey.getOrDefault(key, 0L);
    }
}
