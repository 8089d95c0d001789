#!/usr/bin/env node
// Captures Prometheus-duration vectors from the real Alertmanager 0.25: each accepted input is set
// as a route's group_wait and read back, re-printed by model.Duration.String(), from
// GET /api/v2/status (config.original); each rejected input gives amtool check-config's message.
// Writes libs/core/src/testdata/durations.json. Usage: node scripts/vectors/durations.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { amtool, startAlertmanager, tempDir } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/core/src/testdata/durations.json');

const inputs = [
  '0', '0s', '0ms', '1ms', '999ms', '1000ms', '1500ms', '1s', '59s', '60s', '90s', '1m', '5m', '60m', '90m',
  '1h', '1h30m', '1h30m15s', '1h0m', '23h', '24h', '25h', '1d', '7d', '8d', '14d', '1w', '1w1d', '2w',
  '364d', '365d', '366d', '52w', '53w', '1y', '1y1d', '1y1w', '2y', '10y', '1y2w3d4h5m6s7ms',
  '1d1h1m1s1ms', '100000s', '3600s', '00', '01s',
  '', '5x', '1.5h', '-1m', '1d1d', '5', '30m1h', '1h 30m', ' 1h', 'h', '1ms1s', '1S', '1M', '1H', '1hh',
  '1µs', '1ns', '1us', '292y', '300y', '106751d', '106752d', '99999999999999999999s', '9223372036854ms', '9223372036855ms',
];

function configFor(values) {
  const routes = values
    .map((v, i) => `    - receiver: r\n      matchers: ['i="${i}"']\n      group_wait: ${JSON.stringify(v)}\n`)
    .join('');
  return `route:\n  receiver: r\n  routes:\n${routes}receivers:\n  - name: r\n`;
}

async function main() {
  const dir = tempDir('klaxon-durations-');
  const accepted = [];
  const vectors = [];
  for (const input of inputs) {
    const file = join(dir, 'one.yml');
    writeFileSync(file, configFor([input]));
    const check = amtool(['check-config', file]);
    if (check.status === 0) {
      accepted.push(input);
      continue;
    }
    const m = /FAILED: (.*)/.exec(check.stdout + check.stderr);
    vectors.push({ input, ok: false, error: m ? m[1].trim() : (check.stdout + check.stderr).trim() });
  }
  const am = await startAlertmanager(configFor(accepted));
  let version;
  try {
    version = am.version;
    const status = await (await fetch(`${am.url}/api/v2/status`)).json();
    const config = YAML.parse(status.config.original);
    config.route.routes.forEach((r, i) => {
      vectors.push({ input: accepted[i], ok: true, formatted: r.group_wait });
    });
  } finally {
    await am.stop();
  }
  vectors.sort((a, b) => inputs.indexOf(a.input) - inputs.indexOf(b.input));
  mkdirSync(join(root, 'libs/core/src/testdata'), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify({ source: `${version}; route group_wait read back from GET /api/v2/status, errors from amtool check-config`, vectors }, null, 2) + '\n',
  );
  console.log(`wrote ${vectors.length} vectors to ${outFile}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
