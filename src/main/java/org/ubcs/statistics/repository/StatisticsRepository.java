package org.ubcs.statistics.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.statistics.domain.StatisticsFigures;
import org.ubcs.statistics.domain.StatisticsPeriod;
import org.ubcs.statistics.domain.Tally;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statistics' read model: one aggregate query per group of figures, straight through the reactive client, so
 * PostgreSQL counts and no row is loaded into memory. Parameters are always {@code $1} the period's first day,
 * {@code $2} its last day, {@code $3} the department in lower case (null for all) and {@code $4} today.
 *
 * <p>Only columns that survive the removal of personal data are read: classifications, department, dates, outcomes,
 * states, types and flags; from JSON columns only the keys named in the README (a date, an outcome), never a text. A
 * person's name, address, identifiers or the free texts are never touched, so the figures stay the same after the
 * retention job has removed them.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** Rows of this department only (a row without a case, {@code k.id} null, only when no department is asked). */
    private static final String DEPARTMENT = "($3::text is null or lower(k.department) = $3)";

    /**
     * Every query is prepared with all four parameters, and PostgreSQL must be able to type each one: a query that
     * does not need today (or the department) still names it, in one of these always-true conditions.
     */
    private static final String TODAY_UNUSED = "$4::date is not null";

    /** The register's figures are for the whole council: its entries have no department. */
    private static final String COUNCIL_WIDE = "($3::text is null or $3::text is not null)";

    /** A case's one decision (the latest recorded, should there be more). */
    private static final String DECISION = "left join lateral (select d.outcome, d.decided_on from decision d "
            + "where d.case_id = k.id order by d.recorded_at desc limit 1) d on true ";

    private static final String CASE_FIGURES = "count(*) filter (where referred_on between $1 and $2) as referred, "
            + "count(*) filter (where outcome = 'APPLY_POLICY' and decided_on between $1 and $2) as applied, "
            + "count(*) filter (where outcome = 'DO_NOT_APPLY_POLICY' and decided_on between $1 and $2) "
            + "as not_applied, count(*) filter (where closed_on between $1 and $2) as closed ";

    private static final String CASES = "with k as (select k.classifications, k.referred_on, d.outcome, d.decided_on, "
            + "k.closed_on from policy_case k " + DECISION
            + "where " + DEPARTMENT + " and k.referred_on <= $2 and " + TODAY_UNUSED + ") "
            + "select null::text as key, " + CASE_FIGURES + "from k union all "
            + "select c.classification as key, " + CASE_FIGURES
            + "from k cross join unnest(k.classifications) as c(classification) group by c.classification";

    private static final String DURATIONS = "select count(*) as decisions, "
            + "percentile_cont(0.5) within group (order by d.decided_on - k.referred_on) as median, "
            + "percentile_cont(0.9) within group (order by d.decided_on - k.referred_on) as p90 "
            + "from policy_case k " + DECISION + "where " + DEPARTMENT
            + " and d.decided_on between $1 and $2 and " + TODAY_UNUSED + "";

    private static final String RESTRICTIONS = "select grouping(r.type) as is_total, r.type as key, "
            + "count(distinct r.lineage_id) filter (where r.version_number = 1 and r.starts_on between $1 and $2) "
            + "as imposed, "
            + "count(distinct r.lineage_id) filter (where r.lifted and r.lifted_on between $1 and $2) as lifted, "
            + "count(distinct r.lineage_id) filter (where r.starts_on <= $2 "
            + "and (r.effective_until is null or r.effective_until >= $2)) as in_force, "
            + "count(*) filter (where r.emergency and r.version_number = 1 and r.starts_on between $1 and $2) "
            + "as emergency, "
            + "count(*) filter (where r.emergency and r.version_number = 1 and r.assessment_due_on between $1 and $2 "
            + "and r.assessment_due_on < $4 and (f.assessed_on is null or f.assessed_on > r.assessment_due_on)) "
            + "as emergency_overdue "
            + "from restriction r left join policy_case k on k.id = r.case_id "
            + "left join lateral (select min(" + londonDate("v.follow_up -> 'assessedAt'") + ") as assessed_on "
            + "from restriction v where r.emergency and v.lineage_id = r.lineage_id and v.follow_up is not null) f "
            + "on true where " + DEPARTMENT + " and r.starts_on <= $2 "
            + "group by grouping sets ((r.type), ())";

    private static final String REVIEWS = "select grouping(r.outcome ->> 'recommendation') as is_total, "
            + "r.outcome ->> 'recommendation' as key, "
            + "count(*) filter (where r.state = 'COMPLETED' and r.held_on between $1 and $2) as held, "
            + "count(*) filter (where r.due_on between $1 and $2 and ((r.state in ('OPEN', 'ESCALATED', 'LAPSED') "
            + "and r.due_on < $4) or (r.state = 'COMPLETED' and r.held_on > r.due_on))) as overdue, "
            + "count(*) filter (where r.due_on between $1 and $2 and r.state = 'LAPSED') as lapsed, "
            + "count(*) filter (where r.due_on between $1 and $2 and r.state = 'ESCALATED') as escalated "
            + "from (select r.case_id, r.state, r.due_on, r.outcome, "
            + londonDate("r.outcome -> 'recordedAt'") + " as held_on from review r) r "
            + "join policy_case k on k.id = r.case_id where " + DEPARTMENT
            + " and r.state <> 'CANCELLED' "
            + "group by grouping sets ((r.outcome ->> 'recommendation'), ())";

    private static final String APPEALS = "select "
            + "count(*) filter (where a.received_on between $1 and $2) as lodged, "
            + "count(*) filter (where a.late and a.received_on between $1 and $2) as late, "
            + "count(*) filter (where a.late and a.late_acceptance is not null and a.received_on between $1 and $2) "
            + "as late_accepted, "
            + "count(*) filter (where a.late and (a.refusal is not null or a.state = 'REFUSED_OUT_OF_TIME') "
            + "and a.received_on between $1 and $2) as late_refused, "
            + "count(*) filter (where a.decided_on between $1 and $2 and a.result = 'UPHELD') as upheld, "
            + "count(*) filter (where a.decided_on between $1 and $2 and a.result = 'VARIED') as varied, "
            + "count(*) filter (where a.decided_on between $1 and $2 and a.result = 'DISMISSED') as dismissed, "
            + "count(*) filter (where a.decided_on between $1 and $2 and a.decided_on <= a.decision_due_on) "
            + "as on_time "
            + "from (select a.case_id, a.received_on, a.late, a.late_acceptance, a.refusal, a.state, "
            + "a.decision_due_on, a.outcome ->> 'outcome' as result, "
            + londonDate("a.outcome -> 'decidedAt'") + " as decided_on from appeal a) a "
            + "left join policy_case k on k.id = a.case_id where " + DEPARTMENT + " and " + TODAY_UNUSED + "";

    private static final String REGISTER = "select grouping(v.content ->> 'riskLevel') as is_total, "
            + "v.content ->> 'riskLevel' as key, count(*) as approved, "
            + "(select count(*) from register_review w where w.due_on between $1 and $2 "
            + "and (w.overdue_flagged_on is not null or (w.state = 'OPEN' and w.due_on < $4))) as reviews_overdue "
            + "from register_entry_version v where v.approved_at is not null "
            + "and (v.approved_at at time zone 'Europe/London')::date between $1 and $2 "
            + "and not exists (select 1 from register_entry_version p where p.entry_id = v.entry_id "
            + "and p.approved_at < v.approved_at) and " + COUNCIL_WIDE + " "
            + "group by grouping sets ((v.content ->> 'riskLevel'), ())";

    private static final String READ_AND_FILE = "select count(*) as received, "
            + "count(*) filter (where i.screened and i.screened_on <= i.due_on) as on_time, "
            + "count(*) filter (where i.screened and i.screened_on > i.due_on) as late, "
            + "count(*) filter (where not i.screened and i.due_on < $4) as unscreened "
            + "from (select i.case_id, i.screened, i.due_on, i.received_at, "
            + londonDate("i.screening -> 'screenedAt'") + " as screened_on from read_and_file_item i) i "
            + "left join policy_case k on k.id = i.case_id where " + DEPARTMENT
            + " and (i.received_at at time zone 'Europe/London')::date between $1 and $2";

    private static final String CONTACTS = "select grouping(c.verdict) as is_total, c.verdict as key, "
            + "count(*) as contacts from contact c left join policy_case k on k.id = c.case_id where " + DEPARTMENT
            + " and (c.occurred_at at time zone 'Europe/London')::date between $1 and $2 and " + TODAY_UNUSED + " "
            + "group by grouping sets ((c.verdict), ())";

    @Inject
    Pool pool;

    public Uni<StatisticsFigures.Cases> cases(StatisticsPeriod period, LocalDate today, List<String> classifications) {
        return run(CASES, period, today).map(rows -> {
            Map<String, Map<String, Long>> byFigure = new HashMap<>();
            Map<String, Long> totals = new HashMap<>();
            for (Row row : rows) {
                String key = row.getString("key");
                for (String figure : List.of("referred", "applied", "not_applied", "closed")) {
                    if (key == null) {
                        totals.put(figure, row.getLong(figure));
                    } else {
                        byFigure.computeIfAbsent(figure, f -> new HashMap<>()).put(key, row.getLong(figure));
                    }
                }
            }
            return new StatisticsFigures.Cases(tally("referred", totals, byFigure, classifications),
                    tally("applied", totals, byFigure, classifications),
                    tally("not_applied", totals, byFigure, classifications),
                    tally("closed", totals, byFigure, classifications));
        });
    }

    public Uni<StatisticsFigures.Durations> durations(StatisticsPeriod period, LocalDate today) {
        return run(DURATIONS, period, today).map(rows -> {
            Row row = rows.iterator().next();
            return new StatisticsFigures.Durations(row.getLong("decisions"), row.getDouble("median"),
                    row.getDouble("p90"));
        });
    }

    public Uni<StatisticsFigures.Restrictions> restrictions(StatisticsPeriod period, LocalDate today,
            List<String> types) {
        return run(RESTRICTIONS, period, today).map(rows -> {
            Map<String, Map<String, Long>> byFigure = new HashMap<>();
            Map<String, Long> totals = new HashMap<>();
            long emergency = 0;
            long emergencyOverdue = 0;
            for (Row row : rows) {
                boolean total = row.getInteger("is_total") == 1;
                for (String figure : List.of("imposed", "lifted", "in_force")) {
                    if (total) {
                        totals.put(figure, row.getLong(figure));
                    } else {
                        byFigure.computeIfAbsent(figure, f -> new HashMap<>()).put(row.getString("key"),
                                row.getLong(figure));
                    }
                }
                if (total) {
                    emergency = row.getLong("emergency");
                    emergencyOverdue = row.getLong("emergency_overdue");
                }
            }
            return new StatisticsFigures.Restrictions(tally("imposed", totals, byFigure, types),
                    tally("lifted", totals, byFigure, types), tally("in_force", totals, byFigure, types), emergency,
                    emergencyOverdue);
        });
    }

    public Uni<StatisticsFigures.Reviews> reviews(StatisticsPeriod period, LocalDate today, List<String> outcomes) {
        return run(REVIEWS, period, today).map(rows -> {
            Map<String, Long> held = new HashMap<>();
            long total = 0;
            long overdue = 0;
            long lapsed = 0;
            long escalated = 0;
            for (Row row : rows) {
                if (row.getInteger("is_total") == 1) {
                    total = row.getLong("held");
                    overdue = row.getLong("overdue");
                    lapsed = row.getLong("lapsed");
                    escalated = row.getLong("escalated");
                } else if (row.getString("key") != null) {
                    held.put(row.getString("key"), row.getLong("held"));
                }
            }
            return new StatisticsFigures.Reviews(Tally.of(total, held, outcomes), overdue, lapsed, escalated);
        });
    }

    public Uni<StatisticsFigures.Appeals> appeals(StatisticsPeriod period, LocalDate today) {
        return run(APPEALS, period, today).map(rows -> {
            Row row = rows.iterator().next();
            return new StatisticsFigures.Appeals(row.getLong("lodged"), row.getLong("late"),
                    row.getLong("late_accepted"), row.getLong("late_refused"), row.getLong("upheld"),
                    row.getLong("varied"), row.getLong("dismissed"), row.getLong("on_time"));
        });
    }

    public Uni<StatisticsFigures.Register> register(StatisticsPeriod period, LocalDate today,
            List<String> riskLevels) {
        return run(REGISTER, period, today).map(rows -> {
            Map<String, Long> approved = new HashMap<>();
            long total = 0;
            long overdue = 0;
            for (Row row : rows) {
                overdue = row.getLong("reviews_overdue");
                if (row.getInteger("is_total") == 1) {
                    total = row.getLong("approved");
                } else if (row.getString("key") != null) {
                    approved.put(row.getString("key"), row.getLong("approved"));
                }
            }
            return new StatisticsFigures.Register(Tally.of(total, approved, riskLevels), overdue);
        });
    }

    public Uni<StatisticsFigures.ReadAndFile> readAndFile(StatisticsPeriod period, LocalDate today) {
        return run(READ_AND_FILE, period, today).map(rows -> {
            Row row = rows.iterator().next();
            return new StatisticsFigures.ReadAndFile(row.getLong("received"), row.getLong("on_time"),
                    row.getLong("late"), row.getLong("unscreened"));
        });
    }

    public Uni<Tally> contactChecks(StatisticsPeriod period, LocalDate today, List<String> verdicts) {
        return run(CONTACTS, period, today).map(rows -> {
            Map<String, Long> byVerdict = new HashMap<>();
            long total = 0;
            for (Row row : rows) {
                if (row.getInteger("is_total") == 1) {
                    total = row.getLong("contacts");
                } else if (row.getString("key") != null) {
                    byVerdict.put(row.getString("key"), row.getLong("contacts"));
                }
            }
            return Tally.of(total, byVerdict, verdicts);
        });
    }

    private Uni<RowSet<Row>> run(String sql, StatisticsPeriod period, LocalDate today) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(period.from(), period.to(), period.departmentKey(), today));
    }

    private static Tally tally(String figure, Map<String, Long> totals, Map<String, Map<String, Long>> byFigure,
            List<String> scale) {
        return Tally.of(totals.getOrDefault(figure, 0L), byFigure.getOrDefault(figure, Map.of()), scale);
    }

    /**
     * The Europe/London calendar date of an instant kept in a JSON column, written by Jackson either as ISO text or as
     * epoch seconds; null when absent.
     */
    private static String londonDate(String json) {
        return "((case jsonb_typeof(" + json + ") when 'number' then to_timestamp((" + json + ")::text::numeric) "
                + "when 'string' then (" + json + " #>> '{}')::timestamptz end) at time zone 'Europe/London')::date";
    }
}
