#!/usr/bin/env bash
# The main job on a fresh machine: dependencies, PostgreSQL and Redis, a build, then a whole
# selection round, intake to published cohort, played through the real HTTP API and worker (see
# apps/cli/src/demo). Extra arguments go to the demo command, e.g. --serve to keep the API
# running, --seed 7.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DEMO_DATABASE_URL="${DEMO_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/accelerator_demo}"
bash scripts/ensure-deps.sh
DATABASE_URL="$DEMO_DATABASE_URL" bash scripts/ensure-services.sh
npm run --silent build
exec node dist/apps/cli/src/main.js demo "$@"
