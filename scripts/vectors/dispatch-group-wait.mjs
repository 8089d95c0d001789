#!/usr/bin/env node
// Captures when Alertmanager 0.25 first flushes a new aggregation group (group_wait 3s): alerts
// whose startsAt + group_wait is already past flush at once, others group_wait after the group
// was created. Also a second, old alert joining a group that is still waiting.
// Writes libs/dispatch/src/testdata/group-wait.json. Usage: node scripts/vectors/dispatch-group-wait.mjs
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startAlertmanager } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/dispatch/src/testdata/group-wait.json');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const hookPort = await freePort();
  const arrivals = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      arrivals.push({ at: Date.now(), group: JSON.parse(body).groupLabels.g });
      res.end();
    });
  });
  await new Promise((r) => hook.listen(hookPort, '127.0.0.1', r));
  const am = await startAlertmanager(`
route:
  receiver: hook
  group_by: [g]
  group_wait: 3s
  group_interval: 1h
  repeat_interval: 24h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:${hookPort}/
`);
  const posts = [];
  const post = async (g, i, startsAgoMs) => {
    const at = Date.now();
    const res = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ labels: { alertname: 'W', g, i }, startsAt: new Date(at - startsAgoMs).toISOString() }]),
    });
    if (!res.ok) throw new Error(await res.text());
    posts.push({ at, group: g, i, startsAt: at - startsAgoMs });
  };
  try {
    await post('old', '1', 10_000); // startsAt + 3s long past: immediate
    await post('fresh', '1', 0); // flush 3s after creation
    await post('recent', '1', 2_000); // startsAt + 3s = now + 1s: still waits the full 3s
    await post('joined', '1', 0);
    await sleep(1000);
    await post('joined', '2', 60_000); // an old alert joining a waiting group flushes it at once
    await sleep(4000);
    const out = { source: `${am.version}; webhook arrival times`, groupWaitMs: 3000, posts, arrivals };
    mkdirSync(join(root, 'libs/dispatch/src/testdata'), { recursive: true });
    writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${arrivals.length} arrivals to ${outFile}`);
  } finally {
    await am.stop();
    hook.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
