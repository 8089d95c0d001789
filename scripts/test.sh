#!/usr/bin/env sh
# The whole test suite: build, then every unit and integration test. Ends with "N passed, N failed".
cd "$(dirname "$0")/.."
if ! sh scripts/build.sh; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
exec node scripts/run-tests.mjs "$@"
