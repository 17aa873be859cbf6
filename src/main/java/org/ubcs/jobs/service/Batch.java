package org.ubcs.jobs.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * One batch of a job's run: at most {@link #limit()} items, leaving out those that failed earlier in the run. The job
 * works on its items through {@link #each}, one at a time, so that when the batch fails the runner knows which item
 * it failed on and can run the batch again without it.
 */
public final class Batch {

    /** Never empty, so that {@code id not in :skip} is valid SQL; no item has this id. */
    private static final UUID NONE = new UUID(0, 0);

    private final int limit;
    private final List<UUID> skip;
    private UUID current;

    Batch(int limit, List<UUID> failed) {
        this.limit = limit;
        List<UUID> skip = new ArrayList<>(failed);
        skip.add(NONE);
        this.skip = Collections.unmodifiableList(skip);
    }

    public int limit() {
        return limit;
    }

    /** Ids of items to leave out: they failed earlier in this run. */
    public List<UUID> skip() {
        return skip;
    }

    /**
     * Does {@code work} on each item in turn; returns how many. The work must write its item's changes (flush)
     * before it completes: a failure while an item is in hand is put down to that item, any other to the batch.
     */
    public <T> Uni<Integer> each(List<T> items, Function<T, UUID> id, Function<T, Uni<?>> work) {
        Uni<Integer> done = Uni.createFrom().item(0);
        for (T item : items) {
            done = done.flatMap(count -> {
                current = id.apply(item);
                return work.apply(item).map(finished -> {
                    current = null;
                    return count + 1;
                });
            });
        }
        return done;
    }

    /** The item in hand when the batch failed, or null when the failure was not in an item's work. */
    UUID current() {
        return current;
    }
}
