#!/usr/bin/env bash
# Starts the production artifact as CI does, runs one command against it, and always stops it again:
#
#   bash clients/typescript/with-service.sh COMMAND [ARGS...]
#
# It takes target/quarkus-app/quarkus-run.jar as built (./mvnw package or verify; it does not build it), starts a
# throwaway PostgreSQL (the tests' zonky embedded server, from the Maven test class path: no Docker, no root, no
# system PostgreSQL), makes an RS256 key pair and one token per role with openssl, starts the jar against both with
# the production JWT settings (MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER), then runs COMMAND in
# clients/typescript with BASE_URL and UBCS_TOKEN_<ROLE> (one per role) in its environment. Its exit status is the
# script's. Used by run-journey.sh and run-swagger-ui.sh.
# Needs: Java 17, openssl, curl, python3 (a free port), and `npm ci` done in clients/typescript.
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]"; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CLIENT=clients/typescript

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "no target/quarkus-app/quarkus-run.jar: run ./mvnw -B package first"; exit 1; }
[ -x "$CLIENT/node_modules/.bin/node" ] || { echo "no Node in $CLIENT/node_modules: run npm ci in $CLIENT first"; exit 1; }
for tool in java openssl curl python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 1; }
done

WORK=$(mktemp -d /tmp/ubcs-journey.XXXXXX)
APP_PID=""
DB_PID=""
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -f "$WORK/app.log" ]; then
    echo "---- last lines of the service's log ----"; tail -n 40 "$WORK/app.log"
  fi
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  # SIGTERM: zonky's shutdown hook stops PostgreSQL and deletes its data directory.
  if [ -n "$DB_PID" ]; then kill "$DB_PID" 2>/dev/null || true; wait "$DB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "-- PostgreSQL (embedded, throwaway)"
# The test class path has zonky and its PostgreSQL binaries (Maven scope provided: never in the production artifact).
./mvnw -B -q ${MAVEN_JOURNEY_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" > "$WORK/maven.log" 2>&1 || { cat "$WORK/maven.log"; exit 1; }
java -cp "$(cat "$WORK/classpath.txt")" "$CLIENT/scripts/JourneyDatabase.java" > "$WORK/db.port" 2> "$WORK/db.log" &
DB_PID=$!
for _ in $(seq 1 120); do
  [ -s "$WORK/db.port" ] && break
  kill -0 "$DB_PID" 2>/dev/null || { cat "$WORK/db.log"; exit 1; }
  sleep 0.5
done
DB_PORT=$(head -n 1 "$WORK/db.port")
[ -n "$DB_PORT" ] || { echo "PostgreSQL did not start"; cat "$WORK/db.log"; exit 1; }
echo "PostgreSQL on port $DB_PORT"

echo "-- Signing key and one token per role"
ISSUER=urn:ubcs:journey
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
token() { # $1 = role; each role is a different person (the decision maker may not review the appeal)
  local subject payload signature
  subject="journey-$(echo "$1" | tr 'A-Z_' 'a-z-')"
  payload=$(printf '{"iss":"%s","aud":"unacceptable-behaviour-case-service","sub":"%s","name":"Journey %s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$ISSUER" "$subject" "$1" "$1" "$NOW" "$((NOW + 3600))" | b64url)
  signature=$(printf '%s.%s' "$HEADER" "$payload" | openssl dgst -sha256 -sign "$WORK/private.pem" -binary | b64url)
  printf '%s.%s.%s' "$HEADER" "$payload" "$signature"
}
for role in COMPLAINTS_OFFICER DECISION_MAKER APPEAL_REVIEWER POLICY_OWNER CONTACT_CENTRE LEGAL AUDITOR FIELD_OFFICER; do
  export "UBCS_TOKEN_$role=$(token "$role")"
done

PORT=$(free_port)
echo "-- The production artifact on port $PORT"
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$DB_PORT/postgres" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$WORK/public.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
QUARKUS_MAILER_MOCK=true \
  java ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the service stopped"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "the service is not ready"; exit 1; }
echo "ready after ${SECONDS}s"

export BASE_URL="http://127.0.0.1:$PORT"
(cd "$CLIENT" && "$@")
