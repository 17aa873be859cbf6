#!/usr/bin/env bash
# Runs the front-end journey (src/journey.ts) through the typed client against the production artifact, as CI does:
#
#   bash clients/typescript/run-journey.sh
#
# The README's first call (src/first-call.ts), then the journey, both on Node 22 from clients/typescript/node_modules,
# against the jar started by with-service.sh (throwaway PostgreSQL, openssl-made key and per-role tokens).
# Needs: target/quarkus-app/quarkus-run.jar built, `npm ci` done in clients/typescript, Java 17, openssl, curl, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec bash with-service.sh bash -c '
  set -euo pipefail
  echo "-- The README'\''s first call (Node $(node_modules/.bin/node --version))"
  npm run --silent first-call
  echo "-- The journey"
  npm run --silent journey
'
