#!/usr/bin/env bash
# Contact-check benchmark: the production jar against PostgreSQL 15 on this machine, with 100,000 customers of whom
# 30,000 are restricted, driven by wrk flat out and then paced at about 80% of that rate; the service's own ceiling
# (an authenticated GET with no database work); and, in the same run, `pgbench -S` on the same database with the same
# number of clients as the physical baseline. Prints throughput, p50/p99 latency and the ratios. The checks do not
# record contacts (record:true takes a per-customer lock and writes; it is not measured here).
#
#   bash bench/contact-check/run.sh            # CLIENTS=16 DURATION=30 by default
#   CLIENTS=32 DURATION=60 bash bench/contact-check/run.sh
#
# Needs: Java 17, PostgreSQL 15 server with pgbench (Debian: postgresql, postgresql-contrib), wrk, openssl, curl.
# Run as root (it starts the Debian cluster with pg_ctlcluster and creates a database ubcs_bench in it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CLIENTS=${CLIENTS:-16}
DURATION=${DURATION:-30}
PORT=${PORT:-18090}
WORK=$(mktemp -d /tmp/ubcs-bench.XXXXXX)
DB=ubcs_bench
PASSWORD=bench-$RANDOM$RANDOM

for tool in wrk pgbench psql openssl curl pg_ctlcluster; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y wrk postgresql postgresql-contrib)"; exit 1; }
done

section() { printf '\n==== %s ====\n' "$*"; }
to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}

APP_PID=""
STARTED_CLUSTER=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$STARTED_CLUSTER" ] && pg_ctlcluster 15 main stop || true
  rm -rf "$WORK"
}
trap cleanup EXIT

section "PostgreSQL"
if ! pg_ctlcluster 15 main status >/dev/null 2>&1; then
  pg_ctlcluster 15 main start
  STARTED_CLUSTER=yes
fi
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
drop database if exists $DB;
drop role if exists ubcs_bench;
create role ubcs_bench login password '$PASSWORD';
create database $DB owner ubcs_bench;
SQL
export PGPASSWORD=$PASSWORD
PSQL="psql -h 127.0.0.1 -U ubcs_bench -d $DB -v ON_ERROR_STOP=1"

section "Production build"
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q package -DskipTests
fi

section "Signing key and a CONTACT_CENTRE token"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"urn:ubcs:bench","aud":"unacceptable-behaviour-case-service","sub":"bench-centre","name":"Bench Centre","groups":["CONTACT_CENTRE"],"iat":%d,"exp":%d}' \
  "$NOW" "$((NOW + 7200))" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/private.pem" -binary | b64url)
export TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

section "Start the service (port $PORT)"
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$DB" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
QUARKUS_DATASOURCE_USERNAME=ubcs_bench QUARKUS_DATASOURCE_PASSWORD="$PASSWORD" \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$WORK/public.pem" MP_JWT_VERIFY_ISSUER=urn:ubcs:bench \
  java ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null

section "Load the data"
$PSQL -q -f bench/contact-check/generate.sql
$PSQL -Atc "select id from customer" > "$WORK/ids.txt"
export IDS_FILE="$WORK/ids.txt"
# One request by hand: the benchmark must measure real verdicts, not errors.
FIRST=$(head -n 1 "$IDS_FILE")
curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"customerId\":\"$FIRST\",\"channel\":\"TELEPHONE\"}" "http://127.0.0.1:$PORT/contact-checks"; echo

wrk_run() { # $1 = label, $2 = delay per request in ms (0 = flat out)
  DELAY_MS=$2 wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -s bench/contact-check/contact-check.lua \
    "http://127.0.0.1:$PORT" > "$WORK/$1.txt"
  if grep -q "Non-2xx" "$WORK/$1.txt"; then cat "$WORK/$1.txt"; echo "errors in the $1 run"; exit 1; fi
}

section "Warm up (${DURATION}s)"
wrk_run warmup 0

section "Contact checks flat out: $CLIENTS connections, ${DURATION}s"
wrk_run max 0
RPS=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/max.txt")
P50=$(awk '$1 == "50%" { print $2 }' "$WORK/max.txt" | to_ms)
P99=$(awk '$1 == "99%" { print $2 }' "$WORK/max.txt" | to_ms)

section "Contact checks at 80% of that rate"
# wrk paces a connection by waiting DELAY ms after each answer, so a connection's rate is 1 / (delay + latency), and
# the latency falls as the load does. Start from the flat-out p50, then correct the delay by the rate each pass
# reaches, until it is within 5% of the target (at most three passes).
TARGET=$((RPS * 8 / 10))
INTERVAL=$(awk -v c="$CLIENTS" -v r="$TARGET" 'BEGIN { print c * 1000 / r }')
DELAY=$(awk -v i="$INTERVAL" -v l="$P50" 'BEGIN { d = i - l; printf "%.2f", (d < 0.1 ? 0.1 : d) }')
for pass in 1 2 3; do
  wrk_run paced "$DELAY"
  REACHED=$(awk '/Requests\/sec/ { print $2 }' "$WORK/paced.txt")
  awk -v a="$REACHED" -v t="$TARGET" 'BEGIN { exit !(a > t * 0.95 && a < t * 1.05) }' && break
  # The time a connection spends on each request besides the delay, at this load; keep the rest for the delay.
  DELAY=$(awk -v c="$CLIENTS" -v a="$REACHED" -v d="$DELAY" -v i="$INTERVAL" \
    'BEGIN { busy = c * 1000 / a - d; d = i - busy; printf "%.2f", (d < 0.1 ? 0.1 : d) }')
done
PACED_RPS=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/paced.txt")
PACED_P50=$(awk '$1 == "50%" { print $2 }' "$WORK/paced.txt" | to_ms)
PACED_P99=$(awk '$1 == "99%" { print $2 }' "$WORK/paced.txt" | to_ms)
PACED_SHARE=$(awk -v a="$PACED_RPS" -v b="$RPS" 'BEGIN { printf "%.0f", 100 * a / b }')

section "The service's ceiling: GET /policy-profile flat out (authenticated, no database), $CLIENTS connections"
# What any authenticated JSON answer costs here: HTTP, the token, security and Jackson, with no query at all.
wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/policy-profile" > "$WORK/ceiling.txt"
if grep -q "Non-2xx" "$WORK/ceiling.txt"; then cat "$WORK/ceiling.txt"; echo "errors in the ceiling run"; exit 1; fi
CEILING=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/ceiling.txt")

section "Baseline: pgbench -S, $CLIENTS clients, ${DURATION}s, same database"
pgbench -h 127.0.0.1 -U ubcs_bench -i -s 10 -q "$DB" > /dev/null 2>&1
pgbench -h 127.0.0.1 -U ubcs_bench -S -c "$CLIENTS" -j 2 -T "$DURATION" "$DB" > "$WORK/pgbench.txt" 2>&1
TPS=$(awk '/^tps/ { printf "%.0f", $3; exit }' "$WORK/pgbench.txt")

section "Results"
RATIO=$(awk -v a="$RPS" -v b="$TPS" 'BEGIN { printf "%.2f", a / b }')
printf 'contact checks, flat out:       %s req/s   p50 %s ms   p99 %s ms\n' "$RPS" "$P50" "$P99"
printf 'contact checks, paced:          %s req/s   p50 %s ms   p99 %s ms   (%s%% of flat out; delay %s ms per connection)\n' \
  "$PACED_RPS" "$PACED_P50" "$PACED_P99" "$PACED_SHARE" "$DELAY"
printf 'service ceiling, no database:   %s req/s   (contact checks reach %s%% of it)\n' "$CEILING" \
  "$(awk -v a="$RPS" -v b="$CEILING" 'BEGIN { printf "%.0f", 100 * a / b }')"
printf 'pgbench -S baseline:            %s tps\n' "$TPS"
printf 'ratio contact checks / pgbench: %s   (target >= 0.6; p99 at 80%% target <= 20 ms)\n' "$RATIO"
printf 'machine: %s cores, %s\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)"
