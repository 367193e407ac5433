#!/usr/bin/env bash
# The whole check on a fresh machine: dependencies, PostgreSQL and Redis, Chromium, then the static
# checks beside every test suite (unit, property, end-to-end against the real services, browser).
# Ends with the runner's counts. On a fresh machine Chromium is installed while the other suites run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/accelerator_test}"
bash scripts/ensure-deps.sh || exit 1
DATABASE_URL="$TEST_DATABASE_URL" bash scripts/ensure-services.sh || exit 1

status=0
mkdir -p artifacts
rm -f artifacts/jest-*.json
# The static checks run beside the tests, which leave the CPU idle while they wait; their log is
# printed at the end.
static_checks() {
  local failed=0
  npx --no-install tsc --noEmit -p tsconfig.json || failed=1
  npx --no-install tsc --noEmit -p apps/web/tsconfig.json || failed=1
  npx --no-install eslint --max-warnings 0 apps libs migrations test || failed=1
  npx --no-install prettier --check --log-level warn . || failed=1
  return $failed
}
static_checks > artifacts/static-checks.log 2>&1 &
static=$!

echo "== tests" >&2
# The global setup of the end-to-end and browser projects creates and migrates a database of the
# run's own, named after TEST_DATABASE_URL's, and the teardown drops it.
if [[ $# -gt 0 ]]; then
  reports=(artifacts/jest-report.json)
  bash scripts/ensure-browser.sh || exit 1
  npx --no-install jest --ci --json --outputFile="${reports[0]}" "$@" || status=1
else
  # Many suites mostly wait (on Chromium, on a worker, on a deadline): two at a time in each run,
  # and the browser run beside the others, they take far less time. Each run has its own database, each
  # jest worker its own copy of it and its own Redis database (test/support/test-env.ts).
  # The browser run has fewer suites: these end-to-end ones, which mostly wait (on a deadline, an
  # outage, a worker, e-mails) or run alone for long (the fuzz), run in it, so that both runs end
  # at about the same time. TEST_RUN_SLOT gives each run's workers Redis databases of their own.
  reports=(artifacts/jest-report.json artifacts/jest-browser-report.json)
  beside_browser=(
    test/e2e/openapi-fuzz.e2e-spec.ts
    test/e2e/applications-deadline.e2e-spec.ts
    test/e2e/outage-redis.e2e-spec.ts
    test/e2e/outage-postgres.e2e-spec.ts
    test/e2e/notifications-delivery.e2e-spec.ts
    test/e2e/worker-health.e2e-spec.ts
    test/e2e/organisation-invitations.e2e-spec.ts
    test/e2e/metrics.e2e-spec.ts
    test/e2e/reminders.e2e-spec.ts
    test/integration/call-closing.int-spec.ts
    test/e2e/database-timeouts.e2e-spec.ts
    test/e2e/queue-dashboard.e2e-spec.ts
  )
  {
    bash scripts/ensure-browser.sh &&
      TEST_RUN_SLOT=1 npx --no-install jest --ci --json --outputFile="${reports[1]}" --selectProjects browser e2e \
        --maxWorkers=2 test/browser/ "${beside_browser[@]}"
  } > artifacts/browser-tests.log 2>&1 &
  browser=$!
  npx --no-install jest --ci --json --outputFile="${reports[0]}" --selectProjects unit e2e --maxWorkers=2 \
    --testPathIgnorePatterns /node_modules/ "${beside_browser[@]}" || status=1
  wait "$browser" || status=1
  echo "== browser tests" >&2
  cat artifacts/browser-tests.log >&2
fi
wait "$static" || status=1
echo "== static checks" >&2
cat artifacts/static-checks.log >&2

node -e '
  const { existsSync } = require("node:fs");
  let passed = 0;
  let failed = 0;
  for (const file of process.argv.slice(1)) {
    if (!existsSync(file)) {
      console.error(`no test report ${file}`);
      failed++;
      continue;
    }
    const r = require(file);
    const broken = r.numRuntimeErrorTestSuites || 0;
    if (broken) console.error(`${broken} test suite(s) failed to run`);
    passed += r.numPassedTests;
    failed += r.numFailedTests + broken;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
' "${reports[@]/#/$PWD/}" || status=1
exit $status
