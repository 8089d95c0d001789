#!/usr/bin/env bash
# Captures what the real Alertmanager 0.25 (Debian package prometheus-alertmanager) returns as
# /api/v2/status config.original for each libs/config/testdata/config-original/*.yml, into
# <name>.am025.yml next to it. The spec config-to-yaml.spec.ts compares configToYaml with these.
# Usage: bash libs/config/scripts/capture-am-config-original.sh
set -euo pipefail
dir="$(cd "$(dirname "$0")/../testdata/config-original" && pwd)"
port="${AM_PORT:-19477}"
for f in "$dir"/*.yml; do
  case "$f" in *.am025.yml) continue ;; esac
  name="$(basename "${f%.yml}")"
  storage="$(mktemp -d)"
  prometheus-alertmanager --config.file="$f" --storage.path="$storage" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= >"$storage/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$port/api/v2/status" >"$storage/status.json" 2>/dev/null && break
    sleep 0.2
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).config.original)' \
    "$storage/status.json" >"$dir/$name.am025.yml"
  rm -rf "$storage"
  echo "captured $name.am025.yml"
done
