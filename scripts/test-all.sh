#!/usr/bin/env bash
# The project's whole test run, from a fresh machine: system packages the tests need, then
# typecheck, lint and every vitest suite (unit, transcripts, HTTP, PostgreSQL, browser).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-test-env.sh

npx tsc --noEmit
npx eslint .
npx vitest run "$@"
