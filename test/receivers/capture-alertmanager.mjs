#!/usr/bin/env node
// Captures what the real Alertmanager 0.25 sends to PagerDuty (Events v2), OpsGenie and an SMTP
// server for one firing then resolved group, into test/receivers/captures/*.json. The receiver
// tests compare Klaxon's payloads with these. Run: node test/receivers/capture-alertmanager.mjs
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const out = new URL('./captures/', import.meta.url).pathname;
const requests = [];
const mails = [];

const http = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    requests.push({ method: req.method, url: req.url, headers: { authorization: req.headers.authorization, 'content-type': req.headers['content-type'], 'user-agent': req.headers['user-agent'] }, body });
    res.writeHead(202, { 'Content-Type': 'application/json' });
    res.end('{"status":"success","message":"Event processed","dedup_key":"x"}');
  });
});
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, cb) {
    let raw = '';
    stream.on('data', (c) => (raw += c));
    stream.on('end', () => {
      mails.push({ mailFrom: session.envelope.mailFrom, rcptTo: session.envelope.rcptTo, raw });
      cb();
    });
  },
});
const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.server ?? server).address().port)));
const httpPort = await listen(http);
const smtpPort = await listen(smtp);
const amPort = 19000 + Math.floor(Math.random() * 1000);

const config = `
global:
  resolve_timeout: 5m
  smtp_require_tls: false
route:
  receiver: team-x.y
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
receivers:
- name: team-x.y
  pagerduty_configs:
  - routing_key: rk123
    url: http://127.0.0.1:${httpPort}/v2/enqueue
    class: cls
    component: comp-{{ .CommonLabels.severity }}
    group: grp
    images: [{src: "http://img/x.png", alt: "an image", href: "http://img/"}]
    links: [{href: "http://runbook/{{ .GroupLabels.alertname }}", text: "Runbook"}]
  opsgenie_configs:
  - api_key: og-key
    api_url: http://127.0.0.1:${httpPort}/og
    responders: [{name: teamA, type: team}, {username: bob, type: user}, {id: "abc", type: escalation}, {name: "t1,t2", type: teams}]
    tags: "a, b,,c"
    actions: "restart,page"
    priority: P2
    entity: "{{ .GroupLabels.alertname }}"
    note: "note {{ .Status }}"
    update_alerts: true
    details: {extra: "x-{{ .Status }}", severity: overridden}
  email_configs:
  - to: "ops@example.org, Dev Team <dev@example.org>"
    from: "Klaxon <am@example.org>"
    smarthost: 127.0.0.1:${smtpPort}
    hello: capture.example
    text: "text body {{ .Status }}"
    send_resolved: true
    headers: {X-Extra: "{{ .GroupLabels.alertname }}"}
`;
const dir = mkdtempSync(join(tmpdir(), 'am-capture-'));
writeFileSync(join(dir, 'am.yml'), config);
const am = spawn('/usr/bin/prometheus-alertmanager', [`--config.file=${join(dir, 'am.yml')}`, `--storage.path=${dir}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=', '--web.external-url=http://am.example:9093'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 50; i++) {
  try { if ((await fetch(`http://127.0.0.1:${amPort}/-/ready`)).ok) break; } catch {}
  await sleep(200);
}
const alerts = (endsAt) => [
  { labels: { alertname: 'Other', severity: 'warning', instance: 'a:1' }, annotations: { summary: 'first <b>', description: 'd1' }, startsAt: '2026-11-24T01:00:00Z', ...(endsAt ? { endsAt } : {}), generatorURL: 'http://prom/graph?g0.expr=up' },
  { labels: { alertname: 'Other', severity: 'warning', instance: 'b:2' }, annotations: { summary: 'second' }, startsAt: '2026-11-24T01:00:01Z', ...(endsAt ? { endsAt } : {}) },
];
const post = (body) => fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
await post(alerts());
const waitFor = async (pred) => { for (let i = 0; i < 100 && !pred(); i++) await sleep(100); };
await waitFor(() => requests.length >= 4 && mails.length >= 1);
await sleep(500);
const firing = { requests: requests.splice(0), mails: mails.splice(0) };
await post(alerts('2026-11-24T01:30:00Z'));
await waitFor(() => requests.length >= 2 && mails.length >= 1);
await sleep(3000);
const resolved = { requests: requests.splice(0), mails: mails.splice(0) };
const groups = await (await fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`)).json();
am.kill();
http.close();
smtp.close();
const meta = { alertmanager: '0.25.0', externalUrl: 'http://am.example:9093', groupKey: '{}:{alertname="Other"}', fingerprints: Object.fromEntries(groups.map((a) => [a.labels.instance, a.fingerprint])) };
writeFileSync(join(out, 'alertmanager-0.25.json'), JSON.stringify({ meta, config, firing, resolved }, null, 2) + '\n');
console.log(`captured ${firing.requests.length}+${resolved.requests.length} HTTP requests, ${firing.mails.length}+${resolved.mails.length} mails`);
