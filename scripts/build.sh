#!/usr/bin/env sh
# Compiles the whole tree into dist/ and stamps the build, so bin/klaxon knows it is current.
set -e
cd "$(dirname "$0")/.."
npx --no-install tsc -p tsconfig.build.json
touch dist/.build-stamp
