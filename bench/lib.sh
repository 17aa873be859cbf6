# Shared by the benchmarks (source it from bench/*/run.sh after setting DB, PORT and WORK): the machine's PostgreSQL
# 15 with a database and role of its own, the production jar, a signing key with tokens, the service started against
# them, and everything stopped on exit. Run as root (pg_ctlcluster, su postgres).

section() { printf '\n==== %s ====\n' "$*"; }

# Exits unless every tool named is on the PATH.
bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || {
      echo "missing: $tool (apt-get install -y wrk postgresql postgresql-contrib python3 openssl curl; jcmd comes with the JDK)"
      exit 1
    }
  done
}

APP_PID=""
STARTED_CLUSTER=""
CLEANUP_EXTRA="" # a command the benchmark adds, run first on exit
cleanup() {
  [ -n "$CLEANUP_EXTRA" ] && eval "$CLEANUP_EXTRA"
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$STARTED_CLUSTER" ] && pg_ctlcluster 15 main stop || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A fresh database $DB owned by a role of the same name; sets PASSWORD, PGPASSWORD and PSQL.
bench_database() {
  section "PostgreSQL"
  if ! pg_ctlcluster 15 main status >/dev/null 2>&1; then
    pg_ctlcluster 15 main start
    STARTED_CLUSTER=yes
  fi
  PASSWORD=bench-$RANDOM$RANDOM
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
drop database if exists $DB;
drop role if exists $DB;
create role $DB login password '$PASSWORD';
create database $DB owner $DB;
SQL
  export PGPASSWORD=$PASSWORD
  PSQL="psql -h 127.0.0.1 -U $DB -d $DB -v ON_ERROR_STOP=1"
}

bench_build() {
  section "Production build"
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    ./mvnw -B -q package -DskipTests
  fi
}

# An RS256 key pair in $WORK, for token() to sign with and the service to verify against (issuer urn:ubcs:bench).
bench_signing_key() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
  openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
  NOW=$(date +%s)
  HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
}
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
token() { # $1 = subject, $2 = name, $3 = role; valid two hours
  local payload signature
  payload=$(printf '{"iss":"urn:ubcs:bench","aud":"unacceptable-behaviour-case-service","sub":"%s","name":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$1" "$2" "$3" "$NOW" "$((NOW + 7200))" | b64url)
  signature=$(printf '%s.%s' "$HEADER" "$payload" | openssl dgst -sha256 -sign "$WORK/private.pem" -binary | b64url)
  printf '%s.%s.%s' "$HEADER" "$payload" "$signature"
}

# Starts the jar on $PORT against $DB with the key above, and waits until it is ready. Arguments are settings
# (NAME=value) besides the database's and the key's; JAVA_OPTS are the JVM's options; APP_JAR another build's jar.
start_service() {
  env "$@" QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$DB" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  QUARKUS_DATASOURCE_USERNAME="$DB" QUARKUS_DATASOURCE_PASSWORD="$PASSWORD" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$WORK/public.pem" MP_JWT_VERIFY_ISSUER=urn:ubcs:bench \
    java ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -jar "${APP_JAR:-target/quarkus-app/quarkus-run.jar}" >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null
}
