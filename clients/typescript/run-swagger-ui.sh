#!/usr/bin/env bash
# Runs Swagger UI in headless Chromium (src/swagger-ui.ts) against the production artifact, as CI does:
#
#   bash clients/typescript/run-swagger-ui.sh
#
# The jar is started by with-service.sh (throwaway PostgreSQL, openssl-made key and per-role tokens); the screenshot
# is left in target/swagger-ui.png. Needs: target/quarkus-app/quarkus-run.jar built, `npm ci` done in
# clients/typescript, Chromium at /usr/bin/chromium (Debian: apt-get install chromium) or CHROMIUM=<path>, Java 17,
# openssl, curl, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec bash with-service.sh npm run --silent swagger-ui
