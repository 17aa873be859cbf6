#!/usr/bin/env bash
# Contact-check benchmark: the production jar against PostgreSQL 15 on this machine, with 100,000 customers of whom
# 30,000 are restricted, driven by wrk flat out and then paced at about 80% of that rate; the service's own ceiling
# (an authenticated GET with no database work); and, in the same run, `pgbench -S` on the same database with the same
# number of clients as the physical baseline. Prints throughput, p50/p99 latency and the ratios. The checks do not
# record contacts (record:true takes a per-customer lock and writes; it is not measured here).
#
# Then, in the same run and database, the register of potentially dangerous persons and properties: 100,000
# properties of which 20,000 have an entry in force (generate-register.sql). The service is restarted under the
# stoke-on-trent profile (the one that keeps the register), and measured the same way, flat out and paced: the contact
# check again (it now also asks the register, and logs a view for each entry it shows) and POST /register-lookups by
# postcode (one in five hits) as a FIELD_OFFICER before a visit. Every view a section logs is part of its cost; the
# log is emptied before each measured section so that sections do not pay for each other's rows.
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


to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}

source bench/lib.sh
bench_require wrk pgbench psql openssl curl pg_ctlcluster
bench_database
bench_build
section "Signing key and a CONTACT_CENTRE token"
bench_signing_key
export TOKEN; TOKEN=$(token bench-centre "Bench Centre" CONTACT_CENTRE)
# For the register: a field officer who looks it up, and an author and an approver for the format check.
export FIELD_TOKEN; FIELD_TOKEN=$(token bench-field "Bench Field" FIELD_OFFICER)
AUTHOR_TOKEN=$(token bench-register-author "Bench Author" COMPLAINTS_OFFICER)
APPROVER_TOKEN=$(token bench-register-approver "Bench Approver" DECISION_MAKER)

section "Start the service (port $PORT)"
start_service

section "Load the data"
$PSQL -q -f bench/contact-check/generate.sql
$PSQL -Atc "select id from customer" > "$WORK/ids.txt"
export IDS_FILE="$WORK/ids.txt"
# One request by hand: the benchmark must measure real verdicts, not errors.
FIRST=$(head -n 1 "$IDS_FILE")
curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"customerId\":\"$FIRST\",\"channel\":\"TELEPHONE\"}" "http://127.0.0.1:$PORT/contact-checks"; echo

section "Load the register: 100,000 properties, 20,000 entries in force"
$PSQL -q -f bench/contact-check/generate-register.sql
$PSQL -Atc "select postcode from bench_property" > "$WORK/postcodes.txt"
export POSTCODES_FILE="$WORK/postcodes.txt"

wrk_run() { # $1 = label, $2 = delay per request in ms (0 = flat out), $3 = wrk script (default: the contact check)
  DELAY_MS=$2 wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -s "bench/contact-check/${3:-contact-check.lua}" \
    "http://127.0.0.1:$PORT" > "$WORK/$1.txt"
  if grep -q "Non-2xx" "$WORK/$1.txt"; then cat "$WORK/$1.txt"; echo "errors in the $1 run"; exit 1; fi
}
rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/$1.txt"; }
requests() { awk '/requests in/ { print $1 }' "$WORK/$1.txt"; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; } # a as a percentage of b
latency() { awk -v p="$2" '$1 == p { print $2 }' "$WORK/$1.txt" | to_ms; } # $1 = label, $2 = 50% or 99%

# Paces a run at 80% of the flat-out rate of run $1, as run $2 (with wrk script $3); sets DELAY.
# wrk paces a connection by waiting DELAY ms after each answer, so a connection's rate is 1 / (delay + latency), and
# the latency falls as the load does. Start from the flat-out p50, then correct the delay by the rate each pass
# reaches, until it is within 5% of the target (at most three passes).
paced_run() {
  local target interval reached
  target=$(( $(rps "$1") * 8 / 10 ))
  interval=$(awk -v c="$CLIENTS" -v r="$target" 'BEGIN { print c * 1000 / r }')
  DELAY=$(awk -v i="$interval" -v l="$(latency "$1" 50%)" 'BEGIN { d = i - l; printf "%.2f", (d < 0.1 ? 0.1 : d) }')
  for pass in 1 2 3; do
    wrk_run "$2" "$DELAY" "${3:-}"
    reached=$(awk '/Requests\/sec/ { print $2 }' "$WORK/$2.txt")
    awk -v a="$reached" -v t="$target" 'BEGIN { exit !(a > t * 0.95 && a < t * 1.05) }' && break
    # The time a connection spends on each request besides the delay, at this load; keep the rest for the delay.
    DELAY=$(awk -v c="$CLIENTS" -v a="$reached" -v d="$DELAY" -v i="$interval" \
      'BEGIN { busy = c * 1000 / a - d; d = i - busy; printf "%.2f", (d < 0.1 ? 0.1 : d) }')
  done
}

section "Warm up (${DURATION}s)"
wrk_run warmup 0

section "Contact checks flat out: $CLIENTS connections, ${DURATION}s"
wrk_run max 0
RPS=$(rps max)
P50=$(latency max 50%)
P99=$(latency max 99%)

section "Contact checks at 80% of that rate"
paced_run max paced
PACED_DELAY=$DELAY
PACED_RPS=$(rps paced)
PACED_P50=$(latency paced 50%)
PACED_P99=$(latency paced 99%)
PACED_SHARE=$(share "$PACED_RPS" "$RPS")

section "The service's ceiling: GET /policy-profile flat out (authenticated, no database), $CLIENTS connections"
# What any authenticated JSON answer costs here: HTTP, the token, security and Jackson, with no query at all.
wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/policy-profile" > "$WORK/ceiling.txt"
if grep -q "Non-2xx" "$WORK/ceiling.txt"; then cat "$WORK/ceiling.txt"; echo "errors in the ceiling run"; exit 1; fi
CEILING=$(rps ceiling)

section "Baseline: pgbench -S, $CLIENTS clients, ${DURATION}s, same database"
pgbench -h 127.0.0.1 -U "$DB" -i -s 10 -q "$DB" > /dev/null 2>&1
pgbench -h 127.0.0.1 -U "$DB" -S -c "$CLIENTS" -j 2 -T "$DURATION" "$DB" > "$WORK/pgbench.txt" 2>&1
TPS=$(awk '/^tps/ { printf "%.0f", $3; exit }' "$WORK/pgbench.txt")

section "Restart the service under stoke-on-trent (the profile that keeps the register)"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
start_service UBCS_POLICY_ACTIVE=stoke-on-trent
curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/policy-profile" | grep -q '"used":true' \
  || { echo "the service does not keep the register under stoke-on-trent"; exit 1; }
# The lookup reads `lookup` as written by generate-register.sql: its JSON must have the fields, in the order, of what
# the service writes. Compare with an entry made and approved through the API (about a property, two precautions).
API=http://127.0.0.1:$PORT
curl -fs -D "$WORK/entry.headers" -o /dev/null -H "Authorization: Bearer $AUTHOR_TOKEN" \
  -H 'Content-Type: application/json' "$API/register-entries" -d '{"property":{"address":{"line1":"1 Format Street",
  "town":"Stoke-on-Trent","postcode":"ZZ9 9ZZ"},"uprn":"1"},"incidents":[{"occurredOn":"2020-01-01",
  "whatHappened":"Benchmark format check.","witnessedBy":"Nobody"}],"riskLevel":"HIGH","precautions":[
  {"code":"VISIT_IN_PAIRS"},{"code":"TELEPHONE_BEFORE_VISITING","note":"Ring first."}],
  "communication":{"channels":["LETTER"],"arrangements":"Letters."}}'
header() { awk -F': ' -v h="$1" 'tolower($1) == h { print $2 }' "$WORK/entry.headers" | tr -d '\r'; }
ENTRY=$(header location | sed 's|.*/||')
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $APPROVER_TOKEN" -H "If-Match: $(header etag)" \
  "$API/register-entries/$ENTRY/approval"
fields() { # the names in the lookup JSON of the row the query $1 gives, in order
  $PSQL -Atc "select string_agg(k.m[1], ',' order by k.i) from ($1) as s,
    regexp_matches(s.lookup, '\"([A-Za-z0-9]+)\":', 'g') with ordinality as k(m, i)"
}
MADE=$(fields "select lookup from register_entry where id = '$ENTRY'")
GENERATED=$(fields "select lookup from register_entry where customer_id is null and name_key is null
  and lookup like '%\"precautions\":[{%},{%}],%' and lookup not like '%},{%},{%' and id <> '$ENTRY' limit 1")
[ -n "$MADE" ] && [ "$MADE" = "$GENERATED" ] \
  || { printf 'generated lookup JSON differs from the service'"'"'s:\n  service:   %s\n  generated: %s\n' "$MADE" "$GENERATED"; exit 1; }
echo "lookup JSON fields as the service writes them: $MADE"
# Then forget that entry, so that the register holds the generated data alone.
$PSQL -qc "delete from register_view where entry_id = '$ENTRY'; delete from register_entry_version where
  entry_id = '$ENTRY'; delete from register_entry where id = '$ENTRY'"
HIT=$($PSQL -Atc "select p.postcode from bench_property p join register_entry e on e.postcode_key = p.postcode_key
  limit 1")
curl -fs -H "Authorization: Bearer $FIELD_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"postcode\":\"$HIT\",\"purpose\":\"VISIT\"}" "$API/register-lookups" | tee "$WORK/hit.json"; echo
grep -q '"precautionsApply":true' "$WORK/hit.json" || { echo "a lookup of an entry's postcode found nothing"; exit 1; }

views() { $PSQL -Atc "select count(*) from register_view"; }
empty_views() { $PSQL -qc "truncate register_view"; }

section "Contact checks under stoke-on-trent: warm up (${DURATION}s)"
wrk_run stoke_warmup 0

section "Contact checks under stoke-on-trent flat out: $CLIENTS connections, ${DURATION}s"
empty_views
wrk_run stoke_max 0
STOKE_VIEWS=$(views)

section "Contact checks under stoke-on-trent at 80% of that rate"
empty_views
paced_run stoke_max stoke_paced
STOKE_DELAY=$DELAY

section "Register lookups by postcode: warm up (${DURATION}s)"
wrk_run lookup_warmup 0 register-lookup.lua

section "Register lookups by postcode flat out: $CLIENTS connections, ${DURATION}s"
empty_views
wrk_run lookup_max 0 register-lookup.lua
LOOKUP_VIEWS=$(views)

section "Register lookups at 80% of that rate"
empty_views
paced_run lookup_max lookup_paced register-lookup.lua
LOOKUP_DELAY=$DELAY

section "Results"
RATIO=$(awk -v a="$RPS" -v b="$TPS" 'BEGIN { printf "%.2f", a / b }')
printf 'contact checks, flat out:       %s req/s   p50 %s ms   p99 %s ms\n' "$RPS" "$P50" "$P99"
printf 'contact checks, paced:          %s req/s   p50 %s ms   p99 %s ms   (%s%% of flat out; delay %s ms per connection)\n' \
  "$PACED_RPS" "$PACED_P50" "$PACED_P99" "$PACED_SHARE" "$PACED_DELAY"
printf 'service ceiling, no database:   %s req/s   (contact checks reach %s%% of it)\n' "$CEILING" \
  "$(share "$RPS" "$CEILING")"
printf 'pgbench -S baseline:            %s tps\n' "$TPS"
printf 'ratio contact checks / pgbench: %s   (target >= 0.6; p99 at 80%% target <= 20 ms)\n' "$RATIO"
printf 'under stoke-on-trent (the register kept: %s entries in force over %s properties, one postcode each):\n' \
  "$($PSQL -Atc "select count(*) from register_entry where state = 'APPROVED'")" \
  "$($PSQL -Atc "select count(*) from bench_property")"
printf 'contact checks, flat out:       %s req/s   p50 %s ms   p99 %s ms   (%s%% of the rate above; %s views logged, %s%% of checks)\n' \
  "$(rps stoke_max)" "$(latency stoke_max 50%)" "$(latency stoke_max 99%)" "$(share "$(rps stoke_max)" "$RPS")" \
  "$STOKE_VIEWS" "$(share "$STOKE_VIEWS" "$(requests stoke_max)")"
printf 'contact checks, paced:          %s req/s   p50 %s ms   p99 %s ms   (%s%% of flat out; delay %s ms per connection)\n' \
  "$(rps stoke_paced)" "$(latency stoke_paced 50%)" "$(latency stoke_paced 99%)" \
  "$(share "$(rps stoke_paced)" "$(rps stoke_max)")" "$STOKE_DELAY"
printf 'register lookups, flat out:     %s req/s   p50 %s ms   p99 %s ms   (%s views logged: %s%% of lookups hit)\n' \
  "$(rps lookup_max)" "$(latency lookup_max 50%)" "$(latency lookup_max 99%)" "$LOOKUP_VIEWS" \
  "$(share "$LOOKUP_VIEWS" "$(requests lookup_max)")"
printf 'register lookups, paced:        %s req/s   p50 %s ms   p99 %s ms   (%s%% of flat out; delay %s ms per connection)\n' \
  "$(rps lookup_paced)" "$(latency lookup_paced 50%)" "$(latency lookup_paced 99%)" \
  "$(share "$(rps lookup_paced)" "$(rps lookup_max)")" "$LOOKUP_DELAY"
printf 'machine: %s cores, %s\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)"
# The machine may be shared: what else ran shows in the load (wrk, PostgreSQL and the service alone make about 2).
printf 'load average at the end: %s (1, 5 and 15 minutes)\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
