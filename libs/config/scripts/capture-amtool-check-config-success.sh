#!/usr/bin/env bash
# Captures `amtool check-config` 0.25 output for valid configs (one file at a time, and all files
# in one call) in libs/config/testdata/check-config-success/, for check-config-files.spec.ts.
# Usage: bash libs/config/scripts/capture-amtool-check-config-success.sh
set -euo pipefail
cd "$(dirname "$0")/../testdata/check-config-success"
for f in minimal.yml with-templates.yml; do
  amtool check-config "$f" > "${f%.yml}.amtool.txt" 2>/dev/null || true
done
amtool check-config minimal.yml with-templates.yml > all.amtool.txt 2>/dev/null || true
