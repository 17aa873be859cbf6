package org.ubcs.jobs.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One batch of a job's run: at most {@link #limit()} items, leaving out those that failed earlier in the run. The job
 * says which item it is on ({@link #attempting}) and writes each item's changes before taking the next, so that when
 * the batch fails the runner knows which item to leave out when it runs the batch again.
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

    /** Called before the job works on an item. */
    public void attempting(UUID item) {
        current = item;
    }

    UUID current() {
        return current;
    }
}
