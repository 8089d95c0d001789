#!/usr/bin/env node
// Captures when Alertmanager 0.25 (re)sends a group's notification: one group of two alerts
// routed to two webhook receivers (send_resolved true and false; identical route matchers), with
// group_wait 1s, group_interval 2s, repeat_interval 5s. Alerts are resolved half-way between
// ticks, so the tick each notification belongs to is unambiguous. Writes
// libs/dispatch/src/testdata/dedup.json. Usage: node scripts/vectors/dispatch-dedup.mjs
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startAlertmanager } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/dispatch/src/testdata/dedup.json');
const sleepUntil = (t) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const INTERVAL = 2000;

function config(hookPort) {
  return `
route:
  receiver: sr
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 5s
  routes:
    - matchers: ['alertname="D"']
      receiver: sr
      continue: true
    - matchers: ['alertname="D"']
      receiver: nosr
receivers:
  - name: sr
    webhook_configs:
      - url: http://127.0.0.1:${hookPort}/sr
        send_resolved: true
  - name: nosr
    webhook_configs:
      - url: http://127.0.0.1:${hookPort}/nosr
        send_resolved: false
`;
}

async function main() {
  const hookPort = await freePort();
  const notifications = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      notifications.push({ receiver: req.url.slice(1), at: Date.now(), body: JSON.parse(body) });
      res.end();
    });
  });
  await new Promise((r) => hook.listen(hookPort, '127.0.0.1', r));
  const am = await startAlertmanager(config(hookPort));
  const post = async (alerts) => {
    const res = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!res.ok) throw new Error(await res.text());
  };
  try {
    const posts = [];
    const t0 = Date.now();
    await post([{ labels: { alertname: 'D', i: '1' } }, { labels: { alertname: 'D', i: '2' } }]);
    posts.push({ at: t0, labels: [{ alertname: 'D', i: '1' }, { alertname: 'D', i: '2' }], resolve: false });
    while (notifications.length === 0) await new Promise((r) => setTimeout(r, 10));
    const first = notifications[0].at;
    const resolveAt = async (tickOffset, i) => {
      await sleepUntil(first + INTERVAL * tickOffset + INTERVAL / 2);
      const at = Date.now();
      await post([{ labels: { alertname: 'D', i }, endsAt: new Date(at).toISOString() }]);
      posts.push({ at, labels: [{ alertname: 'D', i }], resolve: true });
    };
    await resolveAt(1, '1');
    await resolveAt(6, '2');
    await sleepUntil(first + INTERVAL * 9);
    const out = {
      source: `${am.version}; webhook arrivals for one group with send_resolved true (sr) and false (nosr)`,
      config: config('HOOKPORT'),
      groupWaitMs: 1000,
      groupIntervalMs: INTERVAL,
      repeatIntervalMs: 5000,
      resolveTimeoutMs: 300000,
      firstNotificationAt: first,
      posts,
      notifications: notifications.map((n) => ({
        receiver: n.receiver,
        at: n.at,
        status: n.body.status,
        alerts: n.body.alerts.map((a) => ({ i: a.labels.i, status: a.status })),
      })),
    };
    mkdirSync(join(root, 'libs/dispatch/src/testdata'), { recursive: true });
    writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${notifications.length} notifications to ${outFile}`);
  } finally {
    await am.stop();
    hook.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
