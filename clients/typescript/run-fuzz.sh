#!/usr/bin/env bash
# Runs the contract fuzzer (src/fuzz.ts) against the production artifact, as CI does:
#
#   bash clients/typescript/run-fuzz.sh            FUZZ_SEED=<n> repeats a run; FUZZ_RUNS=<n> requests per operation
#
# Under the Stoke-on-Trent profile, the one that uses the register, so that the register's operations are fuzzed
# past their "not used here" answer. The jar, database, key and tokens come from with-service.sh.
# Needs: target/quarkus-app/quarkus-run.jar built, `npm ci` done in clients/typescript, Java 17, openssl, curl, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export UBCS_POLICY_ACTIVE=stoke-on-trent
exec bash with-service.sh npm run --silent fuzz
