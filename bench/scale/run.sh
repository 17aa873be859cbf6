#!/usr/bin/env bash
# A large council's data (issue 15 §2): generates, set-based, 1,000,000 cases for 400,000 customers, 2,000,000
# restrictions, 5,000,000 contacts, 100,000 register entries and their audit trail (bench/scale/generate.sql; SCALE
# multiplies every count), then runs against the production jar, each figure beside its baseline in the same run:
#   read   GET /cases/{id} for random existing cases with wrk, flat out; beside `pgbench -S` with as many clients.
#   pages  the 10,000th page of GET /cases and of GET /audit-events against the first page, p50/p99 of PAGE_REPEAT
#          requests each and the ratio (target <= 1.5). Cursors are signed: WALK=yes follows nextCursor 10,000 times
#          and times the walk; by default a filtered page's cursor seeds it and the walk's time is estimated from the
#          time of every thousandth page (bench/scale/pages.py; SEED_PAGES="9000 10000" to time fewer, since the
#          walk from a seed to its page can be long; COLLECTIONS="audit-events" for one list only). Then
#          EXPLAIN ANALYZE of both pages' queries as the service words them (row-value keysets), and in the or-form
#          used before.
#   jobs   every scheduled job once through POST /jobs/{jobName}/runs as POLICY_OWNER: its time (target <= 10 s)
#          and the heap after a full collection before and after. RETENTION_ISO=yes then rewrites closedOn as ISO
#          text (as the retention tests do) and runs the retention job again: see the README on why.
#
#   bash bench/scale/run.sh                            # SCALE=1.0 RUNS="read pages jobs"
#   SCALE=0.01 PAGES=100 bash bench/scale/run.sh        # a quick try
#   REUSE_DATA=yes RUNS=pages bash bench/scale/run.sh   # the data already generated, kept from an earlier run
#
# Needs: Java 17 (jcmd), PostgreSQL 15 server with pgbench, wrk, python3, openssl, curl. Run as root (it starts the
# Debian cluster with pg_ctlcluster and creates a database ubcs_scale_bench in it). The database is kept at the end,
# for REUSE_DATA=yes and for EXPLAIN by hand; drop it with `su postgres -c "dropdb ubcs_scale_bench"`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

SCALE=${SCALE:-1.0}
RUNS=${RUNS:-read pages jobs}
DATES=${DATES:-array} # how JSON dates are written: array (as the service does) or iso
CLIENTS=${CLIENTS:-16}
DURATION=${DURATION:-30}
PAGES=${PAGES:-10000}
PAGE_REPEAT=${PAGE_REPEAT:-50}
PORT=${PORT:-18092}
REUSE_DATA=${REUSE_DATA:-no}
# As k8s/base/deployment.yaml: the heap is half of the container's 512 MiB.
JAVA_MEMORY=${JAVA_MEMORY:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError}
WORK=$(mktemp -d /tmp/ubcs-scale-bench.XXXXXX)
DB=${DB:-ubcs_scale_bench}
ALL_JOBS="OPEN_REVIEW_TASKS HANDLE_OVERDUE_REVIEWS FLAG_OVERDUE_EMERGENCY_ASSESSMENTS CLOSE_APPEAL_WINDOWS
  FLAG_OVERDUE_APPEAL_DECISIONS FLAG_OVERDUE_SCREENING OPEN_REGISTER_REVIEWS FLAG_OVERDUE_REGISTER_REVIEWS
  DELIVER_NOTIFICATIONS REMOVE_EXPIRED_PERSONAL_DATA"
# The jobs the jobs run times, in this order (default: all of them); every job's schedule is off either way.
JOBS=${JOBS:-$ALL_JOBS}
# OVERDUE_REVIEWS=yes: before the jobs, every case under the policy gets a next review date in the past (the last 20
# days), so OPEN_REVIEW_TASKS opens a task for each and HANDLE_OVERDUE_REVIEWS finds them all overdue. The generated
# data alone leaves about a tenth of them overdue (too few to time at a small SCALE).
OVERDUE_REVIEWS=${OVERDUE_REVIEWS:-no}


source bench/lib.sh
bench_require wrk pgbench psql python3 openssl curl jcmd pg_ctlcluster
load() { cut -d' ' -f1-3 /proc/loadavg; }
seconds_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }
RESULTS=$WORK/results.txt
result() { printf "$@" | tee -a "$RESULTS"; }

if [ "$REUSE_DATA" = yes ]; then
  section "PostgreSQL (keeping the data in $DB)"
  if ! pg_ctlcluster 15 main status >/dev/null 2>&1; then pg_ctlcluster 15 main start; STARTED_CLUSTER=yes; fi
  PASSWORD=bench-$RANDOM$RANDOM
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"alter role $DB password '$PASSWORD'\""
  export PGPASSWORD=$PASSWORD
  PSQL="psql -h 127.0.0.1 -U $DB -d $DB -v ON_ERROR_STOP=1"
else
  bench_database
fi
bench_build
section "Signing key and tokens"
bench_signing_key
OFFICER_TOKEN=$(token bench-officer "Bench Officer" COMPLAINTS_OFFICER)
OWNER_TOKEN=$(token bench-owner "Bench Owner" POLICY_OWNER)
API=http://127.0.0.1:$PORT

# Every job only when asked (the jobs run measures them one by one); the Deployment's memory settings; a GC log for
# the heap after a full collection.
start() {
  JAVA_OPTS="$JAVA_MEMORY -Xlog:gc:file=$WORK/gc.log" start_service QUARKUS_HTTP_IDLE_TIMEOUT=6H \
    $(for job in $ALL_JOBS; do printf 'UBCS_JOBS_%s_CRON=off ' "$job"; done)
}

if [ "$REUSE_DATA" != yes ]; then
  section "Start the service once on the empty database (Flyway makes the schema), then stop it"
  start
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

  section "Generate the data (SCALE=$SCALE, load $(load))"
  $PSQL -q -v scale="$SCALE" -v dates="$DATES" -f bench/scale/generate.sql | tee "$WORK/generate.txt"
  result 'data generated (SCALE=%s): %s; load average %s\n' "$SCALE" \
    "$(awk '$1 == "total" { print $2, $3 }' "$WORK/generate.txt")" "$(load)"
fi

section "Start the service ($JAVA_MEMORY)"
start
to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}

# The case's three derived columns as CaseEntity's @Formula annotations word them (sub-selects, planned with the row).
CASE_FORMULAS=", nullif(array_to_string(array(select h.kind from case_hold h where h.case_id = k.id
    and h.released_at is null union select 'OPEN_APPEAL' from appeal a where a.case_id = k.id
    and a.state in ('LODGED', 'LATE') order by 1), ','), ''),
  exists (select 1 from review r where r.case_id = k.id and r.state in ('OPEN', 'ESCALATED')),
  nullif(concat_ws(',', case when exists (select 1 from review s where s.case_id = k.id and s.kind = 'SCHEDULED'
    and s.due_on = k.next_review_on) then 'SCHEDULED' end, case when exists (select 1 from review t
    where t.case_id = k.id and t.kind = 'STATUS_REVIEW') then 'STATUS_REVIEW' end), '')"

if [[ " $RUNS " == *" read "* ]]; then
  section "Reading a case: GET /cases/{id}, random existing ids, $CLIENTS connections, ${DURATION}s"
  $PSQL -Atc "select id from policy_case where random() < 200000.0 / greatest((select count(*) from policy_case), 1)" \
    > "$WORK/case-ids.txt"
  curl -fsS -o /dev/null -H "Authorization: Bearer $OFFICER_TOKEN" "$API/cases/$(head -n 1 "$WORK/case-ids.txt")"
  # The tables a read touches, read into the page cache first. Cold, 200,000 random cases over a 10 GB database
  # measure the disk (PostgreSQL waits on DataFileRead), not the service: 627 req/s was first printed that way.
  section "Warm the tables GET /cases/{id} reads (pg_prewarm into the page cache)"
  su postgres -c "psql -q -d $DB -v ON_ERROR_STOP=1" <<'SQL'
create extension if not exists pg_prewarm;
select sum(pg_prewarm(c.oid::regclass, 'read')) as blocks_read from pg_class c
where c.oid in (select r.oid from pg_class r where r.relname in ('policy_case', 'decision', 'case_hold', 'appeal', 'review')
                union select r.reltoastrelid from pg_class r where r.relname in ('policy_case', 'decision') and r.reltoastrelid <> 0
                union select i.indexrelid from pg_index i join pg_class r on r.oid = i.indrelid
                  where r.relname in ('policy_case', 'decision', 'case_hold', 'appeal', 'review'));
SQL
  read_run() {
    IDS_FILE="$WORK/case-ids.txt" TOKEN=$OFFICER_TOKEN wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency \
      -s bench/scale/read-case.lua "$API" > "$WORK/$1.txt"
    if grep -q "Non-2xx" "$WORK/$1.txt"; then cat "$WORK/$1.txt"; echo "errors in the $1 run"; exit 1; fi
  }
  read_run read-warmup
  read_run read
  cat "$WORK/read.txt"
  READ_LOAD=$(load)
  ONE=$(tail -n 1 "$WORK/case-ids.txt")
  READ_SQL_MS=$($PSQL -At -c "explain (analyze, format json) select k.* $CASE_FORMULAS from policy_case k
      where k.id = '$ONE'" \
    -c "explain (analyze, format json) select * from decision where case_id = '$ONE'" \
    | grep -o '"Execution Time": [0-9.]*' | awk '{ t += $3 } END { printf "%.2f", t }')
  section "The service's ceiling: GET /policy-profile flat out (authenticated, no database), $CLIENTS connections"
  wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -H "Authorization: Bearer $OFFICER_TOKEN" "$API/policy-profile" \
    > "$WORK/ceiling.txt"
  CEILING=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/ceiling.txt")
  CEILING_LOAD=$(load)
  section "Baseline: the database alone reading the same cases (the service's two queries by random id), $CLIENTS clients"
  # The ids in a numbered table, so that pgbench can pick one at random; each transaction is one case read.
  $PSQL -q -c "drop table if exists bench_read_ids" \
    -c "create table bench_read_ids (n int generated always as identity primary key, id uuid not null)" \
    -c "\\copy bench_read_ids (id) from '$WORK/case-ids.txt'"
  READ_IDS=$($PSQL -Atc "select count(*) from bench_read_ids")
  cat > "$WORK/read-case.sql" <<SQL
\\set i random(1, $READ_IDS)
select k.* $CASE_FORMULAS from policy_case k where k.id = (select id from bench_read_ids where n = :i);
select * from decision where case_id = (select id from bench_read_ids where n = :i);
SQL
  pgbench -h 127.0.0.1 -U "$DB" -n -f "$WORK/read-case.sql" -c "$CLIENTS" -j 2 -T "$DURATION" "$DB" \
    > "$WORK/pgbench-read.txt" 2>&1 || { cat "$WORK/pgbench-read.txt"; exit 1; }
  READ_TPS=$(awk '/^tps/ { printf "%.0f", $3; exit }' "$WORK/pgbench-read.txt")
  READ_TPS_LOAD=$(load)
  $PSQL -q -c "drop table bench_read_ids"
  section "Baseline: pgbench -S, $CLIENTS clients, ${DURATION}s, same database"
  pgbench -h 127.0.0.1 -U "$DB" -i -s 10 -q "$DB" > /dev/null 2>&1
  pgbench -h 127.0.0.1 -U "$DB" -S -c "$CLIENTS" -j 2 -T "$DURATION" "$DB" > "$WORK/pgbench.txt" 2>&1
  TPS=$(awk '/^tps/ { printf "%.0f", $3; exit }' "$WORK/pgbench.txt")
  RPS=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/read.txt")
  result 'read a case:  %s req/s   p50 %s ms   p99 %s ms   (%s cases; load %s)\n' "$RPS" \
    "$(awk '$1 == "50%" { print $2 }' "$WORK/read.txt" | to_ms)" "$(awk '$1 == "99%" { print $2 }' "$WORK/read.txt" | to_ms)" \
    "$($PSQL -Atc "select count(*) from policy_case")" "$READ_LOAD"
  result '              its two queries take %s ms in PostgreSQL (EXPLAIN ANALYZE, one case, warm)\n' "$READ_SQL_MS"
  result 'ceiling:      %s req/s   GET /policy-profile, no database (the read reaches %s%% of it; load %s)\n' \
    "$CEILING" "$(awk -v a="$RPS" -v b="$CEILING" 'BEGIN { printf "%.0f", 100 * a / b }')" "$CEILING_LOAD"
  result 'database read: %s tps   the same two queries for random cases by pgbench (the read reaches %s%% of it; load %s)\n' \
    "$READ_TPS" "$(awk -v a="$RPS" -v b="$READ_TPS" 'BEGIN { printf "%.0f", 100 * a / b }')" "$READ_TPS_LOAD"
  result 'pgbench -S:   %s tps   (the read reaches %s%% of it; load %s)\n' "$TPS" \
    "$(awk -v a="$RPS" -v b="$TPS" 'BEGIN { printf "%.1f", 100 * a / b }')" "$(load)"
fi

if [[ " $RUNS " == *" pages "* ]]; then
  # Page N's cursor: by walking (WALK=yes), or from a filtered page (by customer, or by entity) whose last item ends
  # page S - 1 of the whole list, then walking from S to N (see pages.py).
  seeds() { # $1 = table, $2 = time column, $3 = filter column, $4 = collection, $5 = filter parameter
    $PSQL -q -At -F $'\t' <<SQL
create temporary table o as
select row_number() over (order by $2, id) as r, $3 as f,
       row_number() over (partition by $3 order by $2, id) as j, count(*) over (partition by $3) as n
from $1;
create index on o (r) where r % 20 = 0 and j < n;
select t.page, s.page, '/$4?$5=' || s.f || '&limit=' || s.j
from (select distinct p as page from (select unnest('{$SEED_PAGES}'::int[]) union select $PAGES) as g(p)
      where p > 1 and p <= $PAGES) as t
cross join lateral (select o.r / 20 + 1 as page, o.f, o.j from o
                    where o.r % 20 = 0 and o.j < o.n and o.r <= (t.page - 1) * 20 order by o.r desc limit 1) as s
order by t.page;
SQL
  }
  STEP=$(( PAGES >= 10 ? PAGES / 10 : 1 ))
  # The pages timed on the way (every tenth of the way by default): the walk's estimate is drawn through them.
  SEED_PAGES=$(echo ${SEED_PAGES:-$(seq -s ' ' "$STEP" "$STEP" "$PAGES")} | tr ' ' ',')
  for collection in ${COLLECTIONS:-cases audit-events}; do
    section "Deep pages: GET /$collection, page 1 and page $PAGES (limit 20), $PAGE_REPEAT requests each"
    MODE=walk
    if [ "${WALK:-no}" != yes ]; then
      MODE=$WORK/$collection.seeds
      if [ $collection = cases ]; then seeds policy_case created_at customer_id cases customerId > "$MODE"
      else seeds audit_event occurred_at entity_id audit-events entityId > "$MODE"; fi
    fi
    python3 bench/scale/pages.py "$API" "/$collection" "$OWNER_TOKEN" "$PAGES" "$PAGE_REPEAT" "$MODE" \
      | tee "$WORK/$collection.txt"
    v() { awk -v k="$1" '$1 == k { print $2 }' "$WORK/$collection.txt"; }
    result '%-13s page 1: p50 %s ms p99 %s ms; page %s: p50 %s ms p99 %s ms; ratio %s (target <= 1.5); walk to it %s s%s; load %s\n' \
      "/$collection" "$(v page_1_p50_ms)" "$(v page_1_p99_ms)" "$PAGES" "$(v page_N_p50_ms)" "$(v page_N_p99_ms)" \
      "$(v ratio_p50)" "$(v walk_s)$(v walk_estimate_s)" "$([ "$MODE" = walk ] || echo ' (estimated)')" "$(load)"
  done

  section "Where the time goes: EXPLAIN ANALYZE of page $PAGES as the service asks for it (a row-value keyset), and with the or-condition it used before"
  SKIP=$(( (PAGES - 1) * 20 - 1 ))
  explain() { # $1 = table, $2 = time column, $3 = extra select list
    local key
    key=$($PSQL -Atc "select $2 || '|' || id from $1 order by $2, id offset $SKIP limit 1")
    local at=${key%|*} id=${key#*|}
    echo "-- $1, after ($at, $id): the service's condition, a row value"
    $PSQL -c "explain (analyze, buffers, costs off) select * $3 from $1 k where ($2, id) > ('$at', '$id')
      order by $2, id limit 20" | grep -E "Limit|Scan|Sort|Filter|Rows Removed|Index Cond|Buffers|Execution" | head -12
    echo "-- $1: the or-condition used before (not an index condition: the index is walked from its start)"
    $PSQL -c "explain (analyze, buffers, costs off) select * $3 from $1 k where ($2 > '$at' or ($2 = '$at' and id > '$id'))
      order by $2, id limit 20" | grep -E "Limit|Scan|Sort|Filter|Rows Removed|Index Cond|Buffers|Execution" | head -12
  }
  explain policy_case created_at "$CASE_FORMULAS" \
    | tee "$WORK/explain.txt"
  explain audit_event occurred_at "" | tee -a "$WORK/explain.txt"
fi

if [[ " $RUNS " == *" jobs "* ]]; then
  heap_after_gc() { # MiB of heap in use after a full collection, as the GC log says ("Pause Full ... 120M->30M(256M)")
    jcmd "$APP_PID" GC.run >/dev/null
    grep 'Pause Full (' "$WORK/gc.log" | tail -n 1 | sed -E 's/.*->([0-9]+)M.*/\1/'
  }
  run_job() { # $1 = job, $2 = label
    section "Job $1 (load $(load))"
    local before start
    before=$(heap_after_gc)
    start=$(date +%s.%N)
    curl -sS -m 0 -X POST -H "Authorization: Bearer $OWNER_TOKEN" "$API/jobs/$1/runs" -o "$WORK/job.json" \
      -w "%{http_code}" > "$WORK/job.status" || true
    local taken; taken=$(seconds_since "$start")
    cat "$WORK/job.json"; echo
    result '%-36s %7s s (HTTP %s)   heap after GC %s -> %s MiB   load %s   %s\n' "$2" "$taken" \
      "$(cat "$WORK/job.status")" "$before" "$(heap_after_gc)" "$(load)" \
      "$(grep -o '"processed":[0-9]*' "$WORK/job.json" || head -c 160 "$WORK/job.json")"
  }
  if [ "$OVERDUE_REVIEWS" = yes ]; then
    section "Every case under the policy due for review in the last 20 days (OVERDUE_REVIEWS=yes)"
    $PSQL -q -c "update policy_case set next_review_on = current_date - 1 - abs(hashtext(id::text)) % 20
      where status = 'POLICY_APPLIED'" -c "vacuum analyze policy_case"
    result 'cases under the policy, now due for review in the last 20 days: %s\n' \
      "$($PSQL -Atc "select count(*) from policy_case where status = 'POLICY_APPLIED'")"
  fi
  for job in $JOBS; do run_job "$job" "$job"; done
  result 'after the jobs: %s\n' "$($PSQL -Atc "select (select count(*) from review) || ' review tasks, ' ||
    (select count(*) from notification) || ' notifications, ' ||
    (select count(*) from policy_case where personal_data_removed_on is not null) || ' cases anonymised, ' ||
    (select count(*) from policy_case where status = 'CLOSED' and personal_data_removed_on is null
       and closure ->> 'closedOn' < '9') || ' closed cases with an ISO closedOn still holding personal data, ' ||
    (select count(*) from policy_case where status = 'CLOSED' and personal_data_removed_on is null
       and jsonb_typeof(closure -> 'closedOn') = 'array') || ' with an array closedOn'")"

  if [ "${RETENTION_ISO:-no}" = yes ]; then
    # The service stores closedOn as [y, m, d] but the retention job compares it as ISO text, so it finds no case:
    # write it as the retention tests do (jsonb_set of the ISO date), to time the job over the cases it should remove.
    section "closedOn rewritten as ISO text, as the retention tests write it; then the retention job again"
    START=$(date +%s.%N)
    $PSQL -q -c "update policy_case set closure = jsonb_set(closure, '{closedOn}', to_jsonb(make_date(
        (closure -> 'closedOn' ->> 0)::int, (closure -> 'closedOn' ->> 1)::int, (closure -> 'closedOn' ->> 2)::int)::text))
      where jsonb_typeof(closure -> 'closedOn') = 'array'" -c "vacuum analyze policy_case"
    echo "rewritten in $(seconds_since "$START") s"
    run_job REMOVE_EXPIRED_PERSONAL_DATA "REMOVE_EXPIRED_PERSONAL_DATA (ISO)"
    result 'after it: %s cases anonymised\n' \
      "$($PSQL -Atc "select count(*) from policy_case where personal_data_removed_on is not null")"
  fi
fi

section "Results"
cat "$RESULTS"
printf 'machine: %s cores, %s; load average at the end: %s (1, 5 and 15 minutes)\n' "$(nproc)" \
  "$(java -version 2>&1 | head -n 1)" "$(load)"
