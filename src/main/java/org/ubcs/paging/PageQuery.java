package org.ubcs.paging;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * The query behind a list endpoint: optional filters, then keyset paging after a cursor in (time, id) order, the order
 * the page's cursors are made from. Built once per request; conditions are HQL with named parameters.
 */
public final class PageQuery {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    /** Keeps the rows matching {@code condition}, whose one parameter is {@code value}; no filter when it is null. */
    public PageQuery filter(String condition, String parameter, Object value) {
        return value == null ? this : where(condition).with(parameter, value);
    }

    /** Keeps the rows matching {@code condition}; its parameters, if any, are given with {@link #with}. */
    public PageQuery where(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    public PageQuery with(String parameter, Object value) {
        parameters.and(parameter, value);
        return this;
    }

    /**
     * Up to {@code limit} rows after the cursor (null: from the first) in order of {@code time}, then id, as the
     * cursor {@code (time, id)} of the page's last row continues it.
     *
     * <p>The cursor condition is a row comparison, {@code (time, id) > (:at, :id)}: PostgreSQL uses it as the start
     * of a scan of a btree index on {@code (time, id)} (each list has one), so a deep page costs what the first does.
     * The equivalent {@code time > :at or (time = :at and id > :id)} is only a filter, and every earlier row is read.
     */
    public <E> Uni<List<E>> list(PanacheRepositoryBase<E, ?> repository, String time, Cursors.Key after, int limit) {
        if (after != null) {
            where(after(time)).with("at", after.at()).with("id", after.id());
        }
        return repository.find(where + " order by " + time + ", id", parameters).page(0, limit).list();
    }

    /** The keyset condition after the cursor {@code (:at, :id)} in {@code (time, id)} order: a row comparison. */
    public static String after(String time) {
        return "(" + time + ", id) > (:at, :id)";
    }
}
