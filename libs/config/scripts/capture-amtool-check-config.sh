#!/usr/bin/env bash
# Captures what the real `amtool check-config` (Alertmanager 0.25, Debian package
# prometheus-alertmanager) prints for each config in libs/config/testdata/check-config/*.yml, into
# <name>.amtool.txt next to it. The spec check-config-errors.spec.ts compares Klaxon's errors with these.
# Usage: bash libs/config/scripts/capture-amtool-check-config.sh
set -euo pipefail
dir="$(cd "$(dirname "$0")/../testdata/check-config" && pwd)"
amtool --version 2>&1 | head -1 > "$dir/AMTOOL_VERSION"
cd "$dir"
for f in *.yml; do
  name="${f%.yml}"
  amtool check-config "$f" > "$name.amtool.txt" 2>/dev/null || true
done
echo "captured $(ls "$dir"/*.amtool.txt | wc -l) outputs with $(cat "$dir/AMTOOL_VERSION")"
