import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KlaxonProcess } from '../support/klaxon-process';
import { freePort } from '../support/free-port';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { eventually } from '../support/eventually';

// The real Prometheus (Debian package `prometheus`) sends alerts to Klaxon and scrapes its
// /metrics. The alerting rule fires while Klaxon reports an active silence (a metric we control
// through Klaxon's own API), and resolves when that silence is expired.

let webhook: WebhookReceiver;
let klaxon: KlaxonProcess;
let prometheus: ChildProcess | undefined;
let promDir: string;
let promUrl: string;

before(async () => {
  webhook = await WebhookReceiver.start();
  klaxon = await KlaxonProcess.start({
    config: `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: ${webhook.url}
`,
  });
  promDir = mkdtempSync(join(tmpdir(), 'klaxon-prom-'));
  writeFileSync(
    join(promDir, 'rules.yml'),
    `groups:
  - name: klaxon-e2e
    interval: 1s
    rules:
      - alert: KlaxonE2E
        expr: max(alertmanager_silences{state="active"}) > 0
        labels:
          severity: page
        annotations:
          summary: an active silence exists
`,
  );
  writeFileSync(
    join(promDir, 'prometheus.yml'),
    `global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [rules.yml]
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['${klaxon.address}']
scrape_configs:
  - job_name: klaxon
    static_configs:
      - targets: ['${klaxon.address}']
`,
  );
  const port = await freePort();
  promUrl = `http://127.0.0.1:${port}`;
  prometheus = spawn(
    'prometheus',
    [`--config.file=${join(promDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(promDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--rules.alert.resend-delay=1s'],
    { stdio: 'ignore' },
  );
});

after(async () => {
  prometheus?.kill('SIGKILL');
  await klaxon?.cleanup();
  await webhook?.close();
  if (promDir) rmSync(promDir, { recursive: true, force: true });
});

test('a real Prometheus: scrape, firing alert, notification, resolved notification', async () => {
  const health = await eventually('the Klaxon scrape target to be up', async () => {
    const body = (await (await fetch(`${promUrl}/api/v1/targets`)).json()) as { data: { activeTargets: { health: string; lastError: string }[] } };
    const target = body.data.activeTargets[0];
    return target?.health === 'up' ? target : undefined;
  }, 30_000, 250);
  assert.equal(health.lastError, '');

  const now = Date.now();
  const silence = await fetch(`${klaxon.baseUrl}/api/v2/silences`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      matchers: [{ name: 'alertname', value: 'SomethingElse', isRegex: false }],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      createdBy: 'e2e',
      comment: 'makes the rule fire',
    }),
  });
  assert.equal(silence.status, 200);
  const { silenceID } = (await silence.json()) as { silenceID: string };

  const received = await eventually('the alert in Klaxon\'s API', async () => {
    const alerts = (await (await fetch(`${klaxon.baseUrl}/api/v2/alerts`)).json()) as { labels: Record<string, string>; generatorURL?: string }[];
    return alerts.find((a) => a.labels.alertname === 'KlaxonE2E');
  }, 30_000, 250);
  assert.equal(received.labels.severity, 'page');
  assert.match(received.generatorURL ?? '', /^http:\/\/.*\/graph\?g0\.expr=/, 'Prometheus sets the generator URL');

  const [firing] = await webhook.waitFor(1, 30_000);
  assert.equal(firing.body.status, 'firing');
  assert.equal(firing.body.alerts[0].labels.alertname, 'KlaxonE2E');
  assert.equal(firing.body.alerts[0].annotations.summary, 'an active silence exists');
  assert.equal(firing.body.alerts[0].endsAt, '0001-01-01T00:00:00Z');

  assert.equal((await fetch(`${klaxon.baseUrl}/api/v2/silence/${silenceID}`, { method: 'DELETE' })).status, 200);
  const resolved = await eventually('the resolved notification', async () => webhook.notifications.find((n) => n.body.status === 'resolved'), 45_000, 250);
  assert.equal(resolved.body.alerts[0].labels.alertname, 'KlaxonE2E');
  assert.equal(resolved.body.alerts[0].status, 'resolved');
  assert.equal(
    webhook.notifications.filter((n) => n.body.status === 'firing').length,
    1,
    'one firing notification: repeat_interval is an hour',
  );

  const scrapeOk = (await (await fetch(`${promUrl}/api/v1/query?query=up{job="klaxon"}`)).json()) as { data: { result: { value: [number, string] }[] } };
  assert.equal(scrapeOk.data.result[0].value[1], '1');
});
