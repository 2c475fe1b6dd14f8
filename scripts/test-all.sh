#!/usr/bin/env bash
# The whole test suite: unit specs, then integration and end-to-end tests against the real engines, which
# this script brings up first (each only when it is not already reachable).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/engines/up.sh
# Debian's Chromium for the agent UI's browser tests (installed once, skipped when present).
bash scripts/engines/chromium.sh
# Debian's Prometheus: promtool for the alert-rule tests.
bash scripts/engines/prometheus.sh
# shellcheck disable=SC1091
source .engines/env
npm run --silent build
npx tsc --noEmit -p tsconfig.json
# ESLint (layering: libs never import apps, apps import each other only through apps/<app>/src/index.ts; unused code)
# and Prettier (print width 120) over the TypeScript, JavaScript and JSON.
npm run --silent lint
mkdir -p test-artifacts
npx jest --ci --json --outputFile=test-artifacts/jest-unit.json
npx jest --ci --config jest.integration.config.js --runInBand --json --outputFile=test-artifacts/jest-integration.json
# The short chaos run (300 messages under SIGKILLs and a Kafka and a PostgreSQL restart) and the rolling-restart
# pipeline test; `npm run chaos` is the long one (5,000 messages), run on its own.
npx jest --ci --config jest.integration.config.js --runInBand --testMatch '**/test/**/*.chaos-spec.ts' --json --outputFile=test-artifacts/jest-chaos.json
