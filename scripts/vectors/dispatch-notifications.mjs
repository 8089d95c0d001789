#!/usr/bin/env node
// Captures dispatcher behaviour from the real Alertmanager 0.25 for libs/dispatch tests:
// webhook bodies (raw bytes, receiver per URL path: group keys, payload layout, sort order,
// truncation, a firing → partly resolved → resolved sequence), GET /api/v2/alerts/groups
// (group order, alert order within groups) and GET /api/v2/alerts (inhibitedBy).
// Writes libs/dispatch/src/testdata/notifications.json. Usage: node scripts/vectors/dispatch-notifications.mjs
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startAlertmanager } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/dispatch/src/testdata/notifications.json');

// Times sent to Alertmanager have millisecond precision so payloads can be rebuilt exactly.
const isoMs = (ms) => new Date(ms).toISOString();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const RECEIVERS = ['team-x.y', 'crit', 'crit2', 'db', 'dbx', 'trunc', 'resolver', 'inhib'];

function config(hookPort) {
  const receivers = RECEIVERS.map(
    (name) => `  - name: '${name}'
    webhook_configs:
      - url: http://127.0.0.1:${hookPort}/${encodeURIComponent(name)}
${name === 'trunc' ? '        max_alerts: 2\n' : ''}`,
  ).join('');
  return `
route:
  receiver: 'team-x.y'
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1h
  repeat_interval: 24h
  routes:
    - matchers: ['severity=~"crit.*"']
      receiver: crit
      group_by: [alertname, instance]
      continue: true
    - matchers: ['severity=~"crit.*"']
      receiver: crit2
    - matchers: ['team="db"', 'env!="dev"']
      receiver: db
      group_by: ['...']
      routes:
        - matchers: ['service="x"']
          receiver: dbx
    - matchers: ['alertname="Many"']
      receiver: trunc
    - matchers: ['alertname="Resolving"']
      receiver: resolver
      group_interval: 2s
    - matchers: ['alertname=~"Source|Target|Both"']
      receiver: inhib
inhibit_rules:
  - source_matchers: ['alertname="Source"']
    target_matchers: ['alertname="Target"']
    equal: [zone]
  - source_matchers: ['kind="both"']
    target_matchers: ['kind="both"']
    equal: [cluster]
receivers:
${receivers}`;
}

function alerts(t0) {
  const a = (labels, extra = {}) => ({ labels, startsAt: isoMs(t0), ...extra });
  return [
    a({ alertname: 'Test', instance: 'a', severity: 'critical', job: 'api' }, { annotations: { summary: 'sum a' } }),
    a({ alertname: 'Test', instance: 'b', severity: 'critical2', job: 'api' }, { annotations: { summary: 'sum b' } }),
    a({ alertname: 'Disk', team: 'db', env: 'prod', instance: 'c' }),
    a({ alertname: 'Disk', team: 'db', env: 'prod', service: 'x' }),
    a({ alertname: 'Disk', team: 'db', env: 'dev' }),
    a({ alertname: 'Other', severity: 'warning', instance: 'a' }, { generatorURL: 'http://prom/graph?g0.expr=up&x=<y>' }),
    a({ alertname: 'Other', severity: 'warning', instance: 'b', job: 'web' }),
    a({ alertname: 'Other', severity: 'warning', instance: 'c', job: 'api' }),
    a({ alertname: 'Other', severity: 'warning', zone: 'z' }),
    a(
      { alertname: 'Esc', text: '<a&b> "q" \\ é\n🙂\u2028' },
      { annotations: { summary: 'x<y>&z', description: 'tab\there' }, startsAt: isoMs(t0 + 123) },
    ),
    a({ alertname: 'Many', i: '3' }),
    a({ alertname: 'Many', i: '1' }, { annotations: { common: 'yes', only1: 'one' } }),
    a({ alertname: 'Many', i: '2' }, { annotations: { common: 'yes' } }),
    a({ alertname: 'Source', zone: '1' }),
    a({ alertname: 'Target', zone: '1' }),
    a({ alertname: 'Target', zone: '2' }),
    a({ alertname: 'Source', other: 'nozone' }),
    a({ alertname: 'Target', other: 'nozone' }),
    a({ alertname: 'Source', zone: '3' }, { endsAt: isoMs(t0 + 5) }),
    a({ alertname: 'Target', zone: '3' }),
    a({ alertname: 'Both', kind: 'both', cluster: 'k', instance: '1' }),
    a({ alertname: 'Both', kind: 'both', cluster: 'k', instance: '2' }),
    a({ alertname: 'Resolving', instance: 'r1' }),
    a({ alertname: 'Resolving', instance: 'r2' }),
  ];
}

async function post(am, body) {
  const res = await fetch(`${am.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /api/v2/alerts: ${res.status} ${await res.text()}`);
}

async function main() {
  const hookPort = await freePort();
  const notifications = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      notifications.push({ receiver: decodeURIComponent(req.url.slice(1)), at: Date.now(), body });
      res.end();
    });
  });
  await new Promise((r) => hook.listen(hookPort, '127.0.0.1', r));
  const am = await startAlertmanager(config(hookPort));
  try {
    const t0 = Math.floor(Date.now() / 1000) * 1000 - 2000 + 52;
    const posted = alerts(t0);
    await post(am, posted);
    await sleep(2500);
    const groups = await (await fetch(`${am.url}/api/v2/alerts/groups`)).json();
    const apiAlerts = await (await fetch(`${am.url}/api/v2/alerts`)).json();

    // Resolve r1, wait for the next group_interval tick; then resolve r2.
    const r1End = Date.now() - 7;
    await post(am, [{ labels: { alertname: 'Resolving', instance: 'r1' }, startsAt: isoMs(t0), endsAt: isoMs(r1End) }]);
    await sleep(2500);
    const r2End = Date.now() - 11;
    await post(am, [{ labels: { alertname: 'Resolving', instance: 'r2' }, startsAt: isoMs(t0), endsAt: isoMs(r2End) }]);
    await sleep(2500);

    const out = {
      source: `${am.version}; webhook bodies as received, /api/v2/alerts/groups and /api/v2/alerts after group_wait`,
      config: config('HOOKPORT'),
      posted,
      resolvedLater: [
        { labels: { alertname: 'Resolving', instance: 'r1' }, endsAt: isoMs(r1End) },
        { labels: { alertname: 'Resolving', instance: 'r2' }, endsAt: isoMs(r2End) },
      ],
      notifications: notifications.map(({ receiver, body }) => ({ receiver, body })),
      groups,
      alerts: apiAlerts.map((a) => ({ labels: a.labels, fingerprint: a.fingerprint, status: a.status, receivers: a.receivers })),
    };
    mkdirSync(join(root, 'libs/dispatch/src/testdata'), { recursive: true });
    writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${notifications.length} notifications, ${groups.length} groups to ${outFile}`);
  } finally {
    await am.stop();
    hook.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
