#!/usr/bin/env bash
# Notification delivery benchmark: the job DELIVER_NOTIFICATIONS over NOTIFICATIONS due notifications (150,000 by
# default, spread over the recipients), run through POST /jobs/DELIVER_NOTIFICATIONS/runs against the production jar
# with the Deployment's JVM memory settings and PostgreSQL 15 on this machine. Each mode starts from the same backlog
# (every notification PENDING, no attempt yet) and prints the run's time and the heap after a full collection before
# and after it:
#   refused  no SMTP server listening (connection refused): the run stops after the sends already on their way,
#            which are recorded for a retry; the rest wait, untried, for the next run
#   sink     a local SMTP server that accepts and discards every message (bench/notifications/SmtpSink.java, a
#            thread per connection, so that the sink is not what is measured)
#
#   bash bench/notifications/run.sh                             # MODES="refused sink"
#   NOTIFICATIONS=20000 MODES=sink bash bench/notifications/run.sh
#   APP_JAR=/path/to/other/quarkus-run.jar bash bench/notifications/run.sh   # another build, for a before/after
#
# Needs: Java 17 (jcmd; it also runs the sink), PostgreSQL 15 server, openssl, curl. Run as root (it starts the Debian cluster with
# pg_ctlcluster and creates a database ubcs_notify_bench in it, dropped at the end unless KEEP_DB=yes).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

NOTIFICATIONS=${NOTIFICATIONS:-150000}
MODES=${MODES-refused sink} # empty: only load the data (with KEEP_DB=yes, for EXPLAIN by hand)
PORT=${PORT:-18094}
SMTP_PORT=${SMTP_PORT:-18025}
# As k8s/base/deployment.yaml: the heap is half of the container's 512 MiB.
JAVA_MEMORY=${JAVA_MEMORY:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError}
WORK=$(mktemp -d /tmp/ubcs-notify-bench.XXXXXX)
DB=${DB:-ubcs_notify_bench}


source bench/lib.sh
bench_require psql openssl curl jcmd pg_ctlcluster
SINK_PID=""
CLEANUP_EXTRA='[ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; [ "${KEEP_DB:-no}" = yes ] || { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; APP_PID=""; su postgres -c "dropdb --if-exists $DB; dropuser --if-exists $DB"; }'
bench_database
[ -n "${APP_JAR:-}" ] || bench_build

section "Signing key and a POLICY_OWNER token"
bench_signing_key
TOKEN=$(token bench-owner "Bench Owner" POLICY_OWNER)
RESULTS=$WORK/results.txt
result() { printf "$@" | tee -a "$RESULTS"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

start() { # the job runs only when asked; mail goes to 127.0.0.1:$SMTP_PORT
  JAVA_OPTS="$JAVA_MEMORY -Xlog:gc:file=$WORK/gc.log" start_service QUARKUS_HTTP_IDLE_TIMEOUT=6H \
    UBCS_JOBS_DELIVER_NOTIFICATIONS_CRON=off QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT"
}
stop() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
heap_after_gc() { # MiB of heap in use after a full collection, as the GC log says ("Pause Full ... 120M->30M(256M)")
  jcmd "$APP_PID" GC.run >/dev/null
  grep 'Pause Full (' "$WORK/gc.log" | tail -n 1 | sed -E 's/.*->([0-9]+)M.*/\1/'
}

section "Start the service once on the empty database (Flyway makes the schema), then stop it"
start
stop

section "Load $NOTIFICATIONS due notifications"
$PSQL -q -v n="$NOTIFICATIONS" <<'SQL'
insert into notification (id, dedupe_key, kind, recipient, subject, body, state, attempts, next_attempt_at,
                          created_at, version)
select gen_random_uuid(), 'BENCH:' || i, 'DECISION_TO_APPLY',
       (array['LEGAL_SERVICES', 'COMPLAINTS_OFFICERS', 'CONTACT_CENTRE', 'LOCAL_MEMBERS', 'HEAD_OF_SERVICE',
              'POLICY_OWNER', 'DECISION_MAKER', 'FIELD_OFFICERS'])[1 + i % 8],
       'A decision to apply a restriction: case ' || i,
       'A decision has been made to apply a restriction under the unacceptable behaviour policy. Case reference '
         || i || '. The restriction starts tomorrow and is reviewed in three months. You are told because the '
         || 'policy names you as someone who needs to know; the case itself stays in the service.',
       'PENDING', 0, now() - interval '1 hour', now() - interval '1 hour', 0
from generate_series(1, :n) as i;
vacuum analyze notification;
SQL

for mode in $MODES; do
  section "Mode $mode: $NOTIFICATIONS notifications due (load $(load))"
  $PSQL -q -c "update notification set state = 'PENDING', attempts = 0, next_attempt_at = now() - interval '1 hour',
      lease_until = null, last_error = null, sent_at = null" -c "vacuum analyze notification"
  if [ "$mode" = sink ]; then
    java bench/notifications/SmtpSink.java "$SMTP_PORT" & SINK_PID=$!
    for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.2; done
  fi
  start
  before=$(heap_after_gc)
  t0=$(date +%s.%N)
  curl -sS -m 0 -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/jobs/DELIVER_NOTIFICATIONS/runs" \
    -o "$WORK/job.json" -w "%{http_code}" > "$WORK/job.status" || true
  taken=$(awk -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  cat "$WORK/job.json"; echo
  result '%-8s %7s s (HTTP %s)   heap after GC %s -> %s MiB   load %s   %s   states: %s   WARN lines: %s\n' \
    "$mode" "$taken" "$(cat "$WORK/job.status")" "$before" "$(heap_after_gc)" "$(load)" \
    "$(grep -o '"processed":[0-9]*' "$WORK/job.json" || head -c 160 "$WORK/job.json")" \
    "$($PSQL -Atc "select string_agg(state || ' ' || attempts || ':' || n, ', ' order by state, attempts)
                   from (select state, attempts, count(*) n from notification group by 1, 2) s")" \
    "$(grep -c '"level":"WARN"' "$WORK/app.log" || true)"
  [ "$(cat "$WORK/job.status")" = 200 ] || { echo "the job failed; the service's log:"; tail -n 40 "$WORK/app.log"; }
  stop
  : > "$WORK/app.log"
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; fi
done

section "Results ($NOTIFICATIONS notifications; ${APP_JAR:-target/quarkus-app/quarkus-run.jar})"
cat "$RESULTS"
printf 'machine: %s cores, %s; load average at the end: %s\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" "$(load)"
