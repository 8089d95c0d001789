#!/usr/bin/env node
// Captures route matching from the real amtool 0.25 (`config routes test`) for libs/dispatch:
// the receivers (in tree order) that 300 label sets (all combinations of a small vocabulary) reach in a tree with nesting,
// `continue` at several levels, regex, negative and empty-value matchers.
// Writes libs/dispatch/src/testdata/routing.json. Usage: node scripts/vectors/dispatch-routing.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amtool, amtoolVersion, tempDir } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/dispatch/src/testdata/routing.json');

// Every route has its own receiver so the output identifies the route.
const CONFIG = `
route:
  receiver: root
  routes:
    - receiver: r0
      matchers: ['team="db"']
      continue: true
      routes:
        - receiver: r0-0
          matchers: ['severity=~"crit|page"']
          continue: true
        - receiver: r0-1
          matchers: ['env!="prod"']
        - receiver: r0-2
          matchers: ['env="prod"', 'region=""']
    - receiver: r1
      matchers: ['team=~"db|web"', 'severity!~"info|debug"']
      routes:
        - receiver: r1-0
          matchers: ['region=~"eu-.*"']
          continue: true
          routes:
            - receiver: r1-0-0
              matchers: ['env="prod"']
        - receiver: r1-1
          matchers: ['region=~"eu-west|us-.+"']
    - receiver: r2
      matchers: ['severity="page"']
      continue: true
    - receiver: r3
      matchers: ['env=""']
    - receiver: r4
receivers:
${['root', 'r0', 'r0-0', 'r0-1', 'r0-2', 'r1', 'r1-0', 'r1-0-0', 'r1-1', 'r2', 'r3', 'r4'].map((r) => `  - name: ${r}\n`).join('')}`;

const VOCAB = {
  team: ['db', 'web', 'ops'],
  severity: ['crit', 'page', 'info', 'warn'],
  env: ['prod', 'dev'],
  region: ['eu-west', 'eu-central', 'us-east', 'us-'],
};

async function main() {
  const dir = tempDir('klaxon-routing-');
  const file = join(dir, 'alertmanager.yml');
  writeFileSync(file, CONFIG);
  // Every combination of the vocabulary, each label also absent: 4 × 5 × 3 × 5 = 300 label sets.
  let combos = [{ alertname: 'A' }];
  for (const [name, values] of Object.entries(VOCAB)) {
    combos = combos.flatMap((c) => [c, ...values.map((v) => ({ ...c, [name]: v }))]);
  }
  const cases = [];
  for (const labels of combos) {
    const args = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
    const r = amtool(['config', 'routes', 'test', `--config.file=${file}`, ...args]);
    if (r.status !== 0) throw new Error(`amtool failed: ${r.stderr}`);
    cases.push({ labels, receivers: r.stdout.trim().split(',') });
  }
  const out = { source: `${amtoolVersion()}; amtool config routes test`, config: CONFIG, cases };
  mkdirSync(join(root, 'libs/dispatch/src/testdata'), { recursive: true });
  writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${cases.length} cases to ${outFile}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
