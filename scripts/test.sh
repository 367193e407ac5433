#!/usr/bin/env bash
# The whole check on a fresh machine: dependencies, PostgreSQL and Redis, Chromium, static checks,
# then every test suite (unit, property, end-to-end against the real services, browser). Ends with
# the runner's counts.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/accelerator_test}"
bash scripts/ensure-deps.sh || exit 1
DATABASE_URL="$TEST_DATABASE_URL" bash scripts/ensure-services.sh || exit 1
bash scripts/ensure-browser.sh || exit 1

status=0
echo "== static checks" >&2
npx --no-install tsc --noEmit -p tsconfig.json || status=1
npx --no-install tsc --noEmit -p apps/web/tsconfig.json || status=1
npx --no-install eslint --max-warnings 0 apps libs migrations test || status=1
npx --no-install prettier --check --log-level warn . || status=1

echo "== tests" >&2
mkdir -p artifacts
report=artifacts/jest-report.json
rm -f "$report"
# The global setup of the end-to-end project creates and migrates a database of the run's own, named
# after TEST_DATABASE_URL's, and the teardown drops it.
npx --no-install jest --ci --json --outputFile="$report" "$@" || status=1

if [[ -f "$report" ]]; then
  node -e '
    const r = require(process.argv[1]);
    const broken = r.numRuntimeErrorTestSuites || 0;
    if (broken) console.error(`${broken} test suite(s) failed to run`);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + broken} failed`);
  ' "$PWD/$report"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
