import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';

// The production layout: two API-only and two worker-only processes on one Redis.
let redis: TestRedisServer;
let webhook: WebhookReceiver;
let apis: KlaxonProcess[] = [];
let workers: KlaxonProcess[] = [];

const config = (url: string) => `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: ${url}
`;

before(async () => {
  redis = await TestRedisServer.start();
  webhook = await WebhookReceiver.start();
  const start = (role: string) => KlaxonProcess.start({ config: config(webhook.url), redisUrl: redis.url, args: [`--roles=${role}`] });
  [apis, workers] = await Promise.all([Promise.all([start('api'), start('api')]), Promise.all([start('worker'), start('worker')])]);
});

after(async () => {
  await Promise.all([...apis, ...workers].map((k) => k.cleanup()));
  await webhook?.close();
  await redis?.stop();
});

test('alerts posted to either API process are visible from both and notified exactly once per group by the workers', async () => {
  const groups = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'];
  await Promise.all(
    groups.map(async (alertname, i) => {
      const api = apis[i % 2];
      const r = await fetch(`${api.baseUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify([
          { labels: { alertname, instance: 'a' } },
          { labels: { alertname, instance: 'b' } },
        ]),
      });
      assert.equal(r.status, 200);
    }),
  );
  const [one, two] = await Promise.all(apis.map(async (k) => (await (await fetch(`${k.baseUrl}/api/v2/alerts`)).json()) as { fingerprint: string }[]));
  assert.equal(one.length, 12);
  assert.deepEqual(one.map((a) => a.fingerprint), two.map((a) => a.fingerprint));

  await webhook.waitFor(groups.length, 20_000);
  await new Promise((r) => setTimeout(r, 2500)); // two more group_interval ticks: nothing else may arrive
  const byGroup = new Map<string, number>();
  for (const n of webhook.notifications) byGroup.set(n.body.groupLabels.alertname, (byGroup.get(n.body.groupLabels.alertname) ?? 0) + 1);
  assert.deepEqual([...byGroup.keys()].sort(), [...groups].sort());
  for (const [group, count] of byGroup) assert.equal(count, 1, `${group} notified once`);
  for (const n of webhook.notifications) assert.equal(n.body.alerts.length, 2);
});

test('worker-only processes do not serve the API but answer health and metrics', async () => {
  const status = await fetch(`${workers[0].baseUrl}/api/v2/status`);
  assert.equal(status.status, 404);
  assert.equal((await fetch(`${workers[0].baseUrl}/-/ready`)).status, 200);
  assert.equal((await fetch(`${workers[0].baseUrl}/metrics`)).status, 200);
});

test('with one worker killed, the other carries on', async () => {
  await workers[0].stop('SIGKILL');
  const before = webhook.notifications.length;
  const r = await fetch(`${apis[1].baseUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([{ labels: { alertname: 'AfterKill' } }]),
  });
  assert.equal(r.status, 200);
  const all = await webhook.waitFor(before + 1, 30_000);
  assert.equal(all[before].body.groupLabels.alertname, 'AfterKill');
});
