package org.ubcs.problem;

import java.util.Arrays;

import io.vertx.pgclient.PgException;

/** How a failure is written to the log: never its message, which may quote stored values about a person. */
public final class Failures {

    private Failures() {
    }

    /**
     * Each exception's type and first frames, down the causes, with PostgreSQL's SQLSTATE, table and constraint
     * where the database refused something: enough for the platform team to find the cause.
     */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getClass().getName());
            if (t instanceof PgException pg) {
                text.append(" [SQLSTATE ").append(pg.getSqlState());
                if (pg.getTable() != null) {
                    text.append(", table ").append(pg.getTable());
                }
                if (pg.getConstraint() != null) {
                    text.append(", constraint ").append(pg.getConstraint());
                }
                text.append(']');
            }
            Arrays.stream(t.getStackTrace()).limit(8).forEach(frame -> text.append("\n\tat ").append(frame));
            text.append("\ncaused by ");
        }
        return text.substring(0, text.length() - "\ncaused by ".length());
    }
}
