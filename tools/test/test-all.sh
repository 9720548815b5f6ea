#!/usr/bin/env bash
# `npm test`: everything, from a fresh clone. Installs what is missing, then lint, type check, unit
# tests, and integration tests against real PostgreSQL and Kafka (started here when not running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

start=$(date +%s)
step() { printf '\n━━ %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

step "dependencies"
bash tools/platform/ensure-deps.sh

step "lint (ESLint with Nx module boundaries)"
npx nx show projects >/dev/null # builds the project graph the boundary rule reads
npx eslint . --max-warnings=0

step "format (Prettier)"
npx prettier --check . --log-level warn

step "type check (tsc --noEmit, strict)"
npx tsc -p tsconfig.json --noEmit

step "unit tests"
results=.local/test-results
rm -rf "$results" && mkdir -p "$results"
npx jest -c jest.unit.config.js --ci --json --outputFile="$results/unit.json"

step "integration tests (real PostgreSQL and Kafka)"
node -r @swc-node/register tools/test/run-integration.ts --json --outputFile="$results/integration.json"

# One plain closing line over both Jest runs, for humans and CI alike.
node -e '
const runs = process.argv.slice(1).map((f) => require(require("path").resolve(f)));
const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests") + sum("numTodoTests")} skipped`);
' "$results/unit.json" "$results/integration.json"

step "done in $(( $(date +%s) - start ))s"
