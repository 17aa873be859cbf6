#!/usr/bin/env bash
# Boot and memory benchmark (issue 15): the production jar started RUNS times against an already migrated database
# (the first start migrates and is not counted). For each start: milliseconds from process start to the first 200 of
# /q/health/ready (curl every 20 ms), Quarkus's own "started in" figure, then WARMUP seconds of wrk (POST
# /contact-checks on the data of bench/contact-check/generate.sql, as CONTACT_CENTRE), then the resident memory
# (VmRSS of /proc/PID/status). Prints median/min/max of each, beside baselines started in the same run, alternately
# with the jar under test (start i of every jar before start i+1 of any):
#   - BASELINE=dir: another build's target/quarkus-app (e.g. a copy taken before a change), measured the same way;
#   - the reference anchor (/work/shared/anchors/minimal-check, built by its bench.sh into
#     /tmp/ubcs-anchor-build/target/quarkus-app/quarkus-run.jar) if present: boot to its first HTTP answer (it has no
#     health endpoint), RSS after the same warm-up; otherwise a bare `java -version` as the floor.
#
# The JVM runs with the Deployment's settings (k8s/base/deployment.yaml, JAVA_TOOL_OPTIONS) and its 512Mi limit
# emulated with -XX:MaxRAM=512m. MaxRAM sizes the heap like the limit does, but it does not change the JVM's GC
# choice: in a 512Mi container the JVM is not a "server class machine" (< 1792 MB) and picks Serial, on this host
# it would pick G1. So the emulation also names Serial, as the pod gets it (set JVM_EMULATION to change it).
#
#   bash bench/boot/run.sh                                    # RUNS=5 WARMUP=20, target/quarkus-app
#   BASELINE=/tmp/boot-baseline RUNS=5 bash bench/boot/run.sh # this build against a copy of an older one
#   JAR=/tmp/other/quarkus-run.jar WARMUP=0 bash bench/boot/run.sh
#   BASELINE=/tmp/boot-baseline BASELINE_JVM="-XX:MaxRAM=512m -XX:MaxRAMPercentage=50" BASELINE_ENV= \
#     VARIANT="cds;/tmp/cds/quarkus-run.jar;-XX:SharedArchiveFile=/tmp/cds/app-cds.jsa ...;MALLOC_ARENA_MAX=2" bash ...
#
# Needs: Java 17, PostgreSQL 15 (Debian cluster 15/main), wrk, openssl, curl; run as root (like the other benchmarks,
# it creates its own database ubcs_boot). Every JVM it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

RUNS=${RUNS:-5}
WARMUP=${WARMUP:-20}
CLIENTS=${CLIENTS:-8}
PORT=${PORT:-18095}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
BASELINE=${BASELINE:-}
ANCHOR_JAR=${ANCHOR_JAR:-/tmp/ubcs-anchor-build/target/quarkus-app/quarkus-run.jar}
DEPLOYMENT_OPTS=$(awk '/name: JAVA_TOOL_OPTIONS/ { getline; sub(/.*value: */, ""); gsub(/"/, ""); print; exit }' \
  k8s/base/deployment.yaml)
# Environment variables the Deployment sets for the JVM itself (not the service's settings), e.g. MALLOC_ARENA_MAX.
DEPLOYMENT_ENV=$(awk '/name: MALLOC_ARENA_MAX/ { getline; sub(/.*value: */, ""); gsub(/"/, ""); print "MALLOC_ARENA_MAX=" $0; exit }' \
  k8s/base/deployment.yaml)
JVM_EMULATION=${JVM_EMULATION:--XX:MaxRAM=512m -XX:+UseSerialGC}
JVM_OPTS="$JVM_EMULATION $DEPLOYMENT_OPTS ${JAVA_OPTS:-}"
WORK=$(mktemp -d /tmp/ubcs-boot.XXXXXX)
DB=ubcs_boot

source bench/lib.sh
bench_require java wrk psql openssl curl pg_ctlcluster
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken"; exit 1; fi
RUN_PID=""
CLEANUP_EXTRA='[ -n "$RUN_PID" ] && kill "$RUN_PID" 2>/dev/null && wait "$RUN_PID" 2>/dev/null || true'
bench_database
[ "$JAR" = target/quarkus-app/quarkus-run.jar ] && bench_build
[ -f "$JAR" ] || { echo "no jar at $JAR"; exit 1; }
section "Signing key and a CONTACT_CENTRE token"
bench_signing_key
export TOKEN; TOKEN=$(token bench-centre "Bench Centre" CONTACT_CENTRE)

now_ms() { date +%s%3N; }
# Starts jar $2 as run $1 (a label); waits for $3 ("ready": a 200 from /q/health/ready, "any": any HTTP answer);
# sets RUN_PID and BOOT_MS (ms from just before exec to that answer).
boot() {
  local label=$1 jar=$2 until=$3 start code
  : > "$WORK/$label.log"
  start=$(now_ms)
  # From the jar's own directory, as a container runs it: an AppCDS archive records the class path as given.
  (cd "$(dirname "$jar")" && exec env QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME="$DB" QUARKUS_DATASOURCE_PASSWORD="$PASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$WORK/public.pem" MP_JWT_VERIFY_ISSUER=urn:ubcs:bench \
    QUARKUS_HTTP_PORT="$PORT" $CUR_ENV java $CUR_OPTS -jar "$(basename "$jar")" > "$WORK/$label.log" 2>&1) &
  RUN_PID=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/q/health/ready" || true)
    if [ "$until" = ready ] && [ "$code" = 200 ]; then break; fi
    if [ "$until" = any ] && [ "$code" != 000 ]; then break; fi
    kill -0 "$RUN_PID" 2>/dev/null || { cat "$WORK/$label.log"; echo "$label died on start"; exit 1; }
    [ $(( $(now_ms) - start )) -gt 120000 ] && { cat "$WORK/$label.log"; echo "$label not ready in 120 s"; exit 1; }
    sleep 0.02
  done
  BOOT_MS=$(( $(now_ms) - start ))
}
stop() { kill "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null || true; RUN_PID=""; }
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$RUN_PID/status"; }
threads() { awk '/^Threads/ { print $2 }' "/proc/$RUN_PID/status"; }
started_in() { # Quarkus's own figure, from the plain or the JSON log
  grep -o 'started in [0-9.]*s' "$WORK/$1.log" | head -n 1 | grep -o '[0-9.]*' || echo "-"
}
warm_up() {
  [ "$WARMUP" -gt 0 ] || return 0
  wrk -t1 -c"$CLIENTS" -d"${WARMUP}s" -s bench/contact-check/contact-check.lua "http://127.0.0.1:$PORT" \
    > "$WORK/wrk.txt" 2>&1
  grep -q "Non-2xx" "$WORK/wrk.txt" && { cat "$WORK/wrk.txt"; echo "errors in the warm-up"; exit 1; }
  awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/wrk.txt"
}

section "First start: Flyway migrates $DB (not counted), then the data"
CUR_OPTS=$JVM_OPTS CUR_ENV=$DEPLOYMENT_ENV
boot migrate "$JAR" ready
echo "migrated in $BOOT_MS ms"
$PSQL -q -f bench/contact-check/generate.sql
$PSQL -Atc "select id from customer" > "$WORK/ids.txt"
export IDS_FILE="$WORK/ids.txt"
stop

# The candidates, in the order each round starts them: name, jar, JVM options, extra environment (NAME=value ...).
NAMES=(service); JARS=("$JAR"); UNTIL=(ready); OPTS=("$JVM_OPTS"); ENVS=("$DEPLOYMENT_ENV")
if [ -n "$BASELINE" ]; then
  NAMES+=(baseline); JARS+=("$BASELINE/quarkus-run.jar"); UNTIL+=(ready)
  OPTS+=("${BASELINE_JVM:-$JVM_OPTS}"); ENVS+=("${BASELINE_ENV-$DEPLOYMENT_ENV}")
fi
# VARIANT="name;jar;jvm options;env" adds one more (e.g. an AppCDS archive).
if [ -n "${VARIANT:-}" ]; then
  IFS=';' read -r v_name v_jar v_opts v_env <<< "$VARIANT"
  NAMES+=("$v_name"); JARS+=("$v_jar"); UNTIL+=(ready); OPTS+=("$v_opts"); ENVS+=("$v_env")
fi
if [ -f "$ANCHOR_JAR" ]; then
  NAMES+=(anchor); JARS+=("$ANCHOR_JAR"); UNTIL+=(any); OPTS+=("$JVM_OPTS"); ENVS+=("$DEPLOYMENT_ENV")
fi
for i in "${!NAMES[@]}"; do echo "${NAMES[$i]}: ${JARS[$i]}  JVM: ${OPTS[$i]}  env: ${ENVS[$i]:-none}"; done

for round in $(seq 1 "$RUNS"); do
  section "Round $round of $RUNS"
  for i in "${!NAMES[@]}"; do
    name=${NAMES[$i]}
    CUR_OPTS=${OPTS[$i]} CUR_ENV=${ENVS[$i]}
    boot "$name-$round" "${JARS[$i]}" "${UNTIL[$i]}"
    rss_boot=$(rss_mib)
    rate=$(warm_up)
    rss=$(rss_mib)
    printf '%-9s boot %5d ms  (Quarkus: started in %ss)  RSS at ready %4s MiB, after %ss warm-up (%s req/s) %4s MiB, %s threads\n' \
      "$name" "$BOOT_MS" "$(started_in "$name-$round")" "$rss_boot" "$WARMUP" "${rate:--}" "$rss" "$(threads)"
    echo "$name $BOOT_MS $(started_in "$name-$round") $rss_boot $rss" >> "$WORK/results.txt"
    stop
  done
done
if [ ! -f "$ANCHOR_JAR" ]; then
  for round in $(seq 1 "$RUNS"); do
    start=$(now_ms); java $JVM_OPTS -version > /dev/null 2>&1
    echo "java-version $(( $(now_ms) - start )) - - -" >> "$WORK/results.txt"
  done
fi

section "Results: $RUNS starts each; JVM: $JVM_OPTS"
stats() { # $1 = name, $2 = column: median min max
  awk -v n="$1" -v c="$2" '$1 == n && $c != "-" { print $c }' "$WORK/results.txt" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
         m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%g (%g-%g)", m, v[1], v[NR] }'
}
printf '%-13s %-22s %-22s %-20s %-20s\n' "" "boot ms med (min-max)" "Quarkus 'started in' s" "RSS ready MiB" \
  "RSS warm MiB"
for name in "${NAMES[@]}" $([ -f "$ANCHOR_JAR" ] || echo java-version); do
  printf '%-13s %-22s %-22s %-20s %-20s\n' "$name" "$(stats "$name" 2)" "$(stats "$name" 3)" "$(stats "$name" 4)" \
    "$(stats "$name" 5)"
done
echo "target (issue 15): boot <= 2500 ms, RSS after warm-up <= 256 MiB"
