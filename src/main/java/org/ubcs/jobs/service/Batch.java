package org.ubcs.jobs.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * One batch of a job's run: at most {@link #limit()} items, leaving out those that failed earlier in the run. The job
 * works on its items through {@link #each}, one at a time, so that when the batch fails the runner knows which item
 * it failed on and can run the batch again without it; or through {@link #all}, all at once, which the runner
 * follows with {@link #each} when the batch fails, to find the item.
 */
public final class Batch {

    /** Never empty, so that {@code id not in :skip} is valid SQL; no item has this id. */
    private static final UUID NONE = new UUID(0, 0);

    private final int limit;
    private final List<UUID> skip;
    private final boolean oneByOne;
    private final AtomicReference<Object> resume;
    private boolean together;
    private UUID current;

    Batch(int limit, List<UUID> failed, boolean oneByOne, AtomicReference<Object> resume) {
        this.limit = limit;
        this.oneByOne = oneByOne;
        this.resume = resume;
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
     * Where an earlier batch of this run began, as the job noted it with {@link #began}; null in the first batch. A job
     * whose selection order puts the work it has done first (it stays where it was, only excluded) starts there
     * rather than at the beginning, so each batch does not walk past all the work of the batches before it. Noting
     * where a batch began, not where it ended, means a batch that fails and runs again passes nothing over.
     */
    public Object resumeAt() {
        return resume.get();
    }

    /** Notes where this batch's selection began (the key of its first item), for the next batch's {@link #resumeAt}. */
    public void began(Object key) {
        resume.set(key);
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

    /**
     * Does {@code work} on all the items at once (set-based, one statement per table for the lot), unless this batch
     * runs again after such an attempt failed: then on each item in turn, as {@link #each}. Returns how many.
     */
    public <T> Uni<Integer> all(List<T> items, Function<T, UUID> id, Function<List<T>, Uni<?>> work) {
        if (oneByOne || items.size() < 2) {
            return each(items, id, item -> work.apply(List.of(item)));
        }
        together = true;
        return work.apply(items).map(finished -> items.size());
    }

    /** Whether the batch worked on its items all at once, so a failure names no item. */
    boolean together() {
        return together;
    }

    /** The item in hand when the batch failed, or null when the failure was not in an item's work. */
    UUID current() {
        return current;
    }
}
