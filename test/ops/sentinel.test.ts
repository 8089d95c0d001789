import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { freePort } from '../support/free-port';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { eventually } from '../support/eventually';

// Redis Sentinel for failover: Klaxon finds the primary through Sentinel, and after the primary
// dies and Sentinel promotes the replica, it carries on by itself.

let primary: TestRedisServer;
let replica: TestRedisServer;
let sentinel: ChildProcess;
let sentinelPort: number;
let dir: string;
let webhook: WebhookReceiver;
let klaxon: KlaxonProcess;

before(async () => {
  primary = await TestRedisServer.start();
  replica = await TestRedisServer.start();
  const replicaClient = replica.client();
  await replicaClient.replicaof('127.0.0.1', primary.port);
  replicaClient.disconnect();
  dir = mkdtempSync(join(tmpdir(), 'klaxon-sentinel-'));
  sentinelPort = await freePort();
  writeFileSync(
    join(dir, 'sentinel.conf'),
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor klaxon 127.0.0.1 ${primary.port} 1`,
      'sentinel down-after-milliseconds klaxon 1000',
      'sentinel failover-timeout klaxon 5000',
    ].join('\n') + '\n',
  );
  sentinel = spawn('redis-server', [join(dir, 'sentinel.conf'), '--sentinel'], { stdio: 'ignore' });
  await eventually('Sentinel to know the replica', async () => {
    const s = new Redis(sentinelPort, '127.0.0.1', { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    s.on('error', () => undefined);
    try {
      await s.connect();
      const replicas = (await s.call('SENTINEL', 'REPLICAS', 'klaxon')) as unknown[];
      return replicas.length > 0 ? true : undefined;
    } finally {
      s.disconnect();
    }
  }, 20_000);
  webhook = await WebhookReceiver.start();
  klaxon = await KlaxonProcess.start({
    config: `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1s
receivers:
  - name: hook
    webhook_configs:
      - url: ${webhook.url}
`,
    redisUrl: `redis+sentinel://127.0.0.1:${sentinelPort}/klaxon`,
  });
});

after(async () => {
  await klaxon?.cleanup();
  await webhook?.close();
  sentinel?.kill('SIGKILL');
  await Promise.all([primary?.stop(), replica?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function postAlert(alertname: string): Promise<number> {
  const r = await fetch(`${klaxon.baseUrl}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ labels: { alertname } }]) });
  return r.status;
}

test('through Sentinel, and on after a failover to the replica', async () => {
  assert.equal(await postAlert('BeforeFailover'), 200);
  await webhook.waitFor(1, 15_000);
  const check = primary.client();
  assert.equal(await check.hlen('klaxon:alerts'), 1, 'the alert is on the primary Sentinel named');
  check.disconnect();

  await primary.kill();
  await eventually('Sentinel to promote the replica', async () => {
    const r = replica.client();
    try {
      const role = (await r.role()) as unknown[];
      return role[0] === 'master' ? true : undefined;
    } finally {
      r.disconnect();
    }
  }, 30_000);

  await eventually('Klaxon to accept alerts again', async () => ((await postAlert('AfterFailover')) === 200 ? true : undefined), 30_000);
  const notifications = await webhook.waitFor(2, 30_000);
  assert.deepEqual(notifications.map((n) => n.body.groupLabels.alertname).sort(), ['AfterFailover', 'BeforeFailover']);
  const alerts = (await (await fetch(`${klaxon.baseUrl}/api/v2/alerts`)).json()) as { labels: Record<string, string> }[];
  assert.deepEqual(alerts.map((a) => a.labels.alertname).sort(), ['AfterFailover', 'BeforeFailover'], 'the replica had the first alert too');
});
