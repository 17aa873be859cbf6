#!/usr/bin/env bash
# Retention benchmark: the job REMOVE_EXPIRED_PERSONAL_DATA over CASES closed cases past retention (1,000,000 by
# default), in the production jar with the Deployment's JVM memory settings, against PostgreSQL 15 on this machine.
# Prints the run's time and rate, the heap after a full collection before, during and after the run, and the resident
# memory sampled throughout: memory is flat when the heap after collection does not grow with the cases done.
# Baseline, in the same run and database: PostgreSQL alone rewriting the same columns set-based (one statement per
# table, rolled back), the floor for any job that overwrites that much data.
#
#   bash bench/retention/run.sh                 # CASES=1000000
#   CASES=100000 bash bench/retention/run.sh    # a quicker look
#
# Needs: Java 17 (jcmd), PostgreSQL 15 server, openssl, curl. Run as root (it starts the Debian cluster with
# pg_ctlcluster and creates a database ubcs_retention_bench in it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CASES=${CASES:-1000000}
PORT=${PORT:-18091}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-15}
# As k8s/base/deployment.yaml: the heap is half of the container's 512 MiB.
JAVA_MEMORY=${JAVA_MEMORY:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError}
WORK=$(mktemp -d /tmp/ubcs-retention-bench.XXXXXX)
DB=ubcs_retention_bench


source bench/lib.sh
bench_require psql openssl curl jcmd pg_ctlcluster
CLEANUP_EXTRA='[ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true'
SAMPLER_PID=""
bench_database
bench_build

section "Signing key and a POLICY_OWNER token"
bench_signing_key
TOKEN=$(token bench-owner "Bench Owner" POLICY_OWNER)

section "Start the service (port $PORT; $JAVA_MEMORY)"
# The job runs only when asked here, and notification delivery stays out of the measurement.
JAVA_OPTS="$JAVA_MEMORY -Xlog:gc:file=$WORK/gc.log" start_service UBCS_JOBS_REMOVE_EXPIRED_PERSONAL_DATA_CRON=off \
  UBCS_JOBS_DELIVER_NOTIFICATIONS_CRON=off QUARKUS_HTTP_IDLE_TIMEOUT=6H

section "Load $CASES closed cases past retention"
START=$SECONDS
$PSQL -q -v cases="$CASES" -f bench/retention/generate.sql 2>&1 | grep -v "only superuser" || true
echo "loaded in $((SECONDS - START)) s"

section "Baseline: PostgreSQL alone overwrites the same columns, set-based, then rolls back"
BASELINE_START=$(date +%s.%N)
$PSQL -q <<'SQL'
begin;
update policy_case set matter = '[removed]', referral = referral || '{"background":"[removed]"}',
    prior_warning = prior_warning || '{"details":"[removed]"}', closure = closure || '{"notes":"[removed]"}',
    personal_data_removed_on = current_date, version = version + 1 where status = 'CLOSED';
update decision set reasons = '[removed]';
update evidence_entry set summary = '[removed]', officer = '[removed]';
update restriction set reasons = '[removed]', lifting_reasons = '[removed]';
update letter set subject = '[removed]', html = '[removed]', body_text = '[removed]';
update notification set subject = '[removed]', body = '[removed]';
update customer set full_name = '[removed]', email = null, phone = null
    where not exists (select 1 from policy_case k where k.customer_id = customer.id and k.status <> 'CLOSED');
rollback;
SQL
BASELINE=$(awk -v s="$BASELINE_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "baseline: $BASELINE s"
$PSQL -q -c "vacuum analyze" 2>&1 | grep -v "only superuser" || true

heap_after_gc() { # MiB of heap in use after a full collection, as the GC log says ("Pause Full (Diagnostic Command) 120M->30M(256M)")
  jcmd "$APP_PID" GC.run >/dev/null
  grep 'Pause Full (' "$WORK/gc.log" | tail -n 1 | sed -E 's/.*->([0-9]+)M.*/\1/'
}
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$APP_PID/status"; }
done_so_far() { $PSQL -Atc "select count(*) from policy_case where personal_data_removed_on is not null"; }

section "Memory before the run"
HEAP_BEFORE=$(heap_after_gc)
RSS_BEFORE=$(rss)
echo "heap after full GC: $HEAP_BEFORE MiB; RSS: $RSS_BEFORE MiB"

section "Run REMOVE_EXPIRED_PERSONAL_DATA (samples every ${SAMPLE_SECONDS}s: cases done, heap after GC, RSS)"
( while sleep "$SAMPLE_SECONDS"; do
    printf '%s %s %s\n' "$(done_so_far)" "$(heap_after_gc)" "$(rss)"
  done ) > "$WORK/samples.txt" 2>/dev/null &
SAMPLER_PID=$!
RUN_START=$(date +%s.%N)
curl -fsS -m 0 -X POST -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/jobs/REMOVE_EXPIRED_PERSONAL_DATA/runs" > "$WORK/run.json" \
  || { cat "$WORK/run.json"; tail -n 50 "$WORK/app.log"; exit 1; }
RUN_SECONDS=$(awk -v s="$RUN_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
cat "$WORK/run.json"; echo
awk '{ printf "  %9d cases done   heap %4d MiB   RSS %4d MiB\n", $1, $2, $3 }' "$WORK/samples.txt"

section "Memory after the run"
HEAP_AFTER=$(heap_after_gc)
RSS_AFTER=$(rss)
echo "heap after full GC: $HEAP_AFTER MiB; RSS: $RSS_AFTER MiB"

section "What the run did"
REMOVED=$(done_so_far)
$PSQL -Atc "select 'cases removed: ' || count(*) filter (where personal_data_removed_on is not null) ||
  ', closed cases left: ' || count(*) filter (where status = 'CLOSED' and personal_data_removed_on is null) ||
  ', open cases untouched: ' || count(*) filter (where status <> 'CLOSED' and matter <> '[removed]') from policy_case"
$PSQL -Atc "select 'customers removed: ' || count(*) filter (where personal_data_removed_on is not null) ||
  ', kept (an open case): ' || count(*) filter (where personal_data_removed_on is null) from customer"
$PSQL -Atc "select 'evidence summaries left: ' || count(*) from evidence_entry e join policy_case k on k.id = e.case_id
  where k.status = 'CLOSED' and e.summary <> '[removed]'"
$PSQL -Atc "select 'audit events PERSONAL_DATA_REMOVED: ' || count(*) from audit_event
  where action = 'PERSONAL_DATA_REMOVED'"

section "Results"
printf 'cases:                 %s closed past retention, %s removed\n' "$CASES" "$REMOVED"
printf 'job run:               %s s   (%s cases/s)\n' "$RUN_SECONDS" \
  "$(awk -v n="$REMOVED" -v s="$RUN_SECONDS" 'BEGIN { printf "%.0f", n / s }')"
printf 'baseline (set-based):  %s s   (the job takes %sx the time PostgreSQL alone needs to rewrite the rows)\n' \
  "$BASELINE" "$(awk -v a="$RUN_SECONDS" -v b="$BASELINE" 'BEGIN { printf "%.1f", a / b }')"
printf 'heap after full GC:    %s MiB before, %s MiB after; during the run %s MiB\n' "$HEAP_BEFORE" "$HEAP_AFTER" \
  "$(awk 'NR == 1 { lo = hi = $2 } { if ($2 < lo) lo = $2; if ($2 > hi) hi = $2 } END { printf "%s to %s", lo, hi }' "$WORK/samples.txt")"
printf 'resident memory:       %s MiB before, %s MiB after; at most %s MiB during the run\n' "$RSS_BEFORE" \
  "$RSS_AFTER" "$(awk '$3 > m { m = $3 } END { print m + 0 }' "$WORK/samples.txt")"
printf 'machine: %s cores, %s; load average at the end: %s\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
