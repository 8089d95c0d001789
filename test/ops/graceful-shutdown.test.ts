import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KlaxonProcess } from '../support/klaxon-process';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('SIGTERM during a slow delivery: the delivery completes or is handed back, Klaxon and its Redis exit, nothing is lost', async () => {
  let answered = 0;
  const webhook = await WebhookReceiver.start(() => ({ delayMs: answered++ === 0 ? 1500 : 0 }));
  cleanups.push(() => webhook.close());
  const config = `
route:
  receiver: hook
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: ${webhook.url}
`;
  const first = await KlaxonProcess.start({ config });
  cleanups.push(() => first.cleanup());
  const post = await fetch(`${first.baseUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([{ labels: { alertname: 'Drain', instance: 'x' } }]),
  });
  assert.equal(post.status, 200);

  const deadline = Date.now() + 10_000;
  while (webhook.requests === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(webhook.requests, 1, 'the slow delivery is in flight');
  const redisPid = Number(readFileSync(join(first.storagePath, 'redis', 'redis.pid'), 'utf8'));

  const stoppedAt = Date.now();
  const code = await first.stop('SIGTERM', 40_000);
  assert.equal(code, 0, first.logs);
  assert.ok(Date.now() - stoppedAt < 35_000, 'shutdown is bounded');
  for (let i = 0; i < 50 && isAlive(redisPid); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(isAlive(redisPid), false, 'the embedded Redis is stopped last, and stopped');
  assert.ok(existsSync(join(first.storagePath, 'redis', 'appendonlydir')));

  // Restart on the same storage: the alert is still there, and the notification arrives (again at most once more).
  const second = await KlaxonProcess.start({ config, storagePath: first.storagePath });
  cleanups.push(() => second.cleanup());
  const alerts = (await (await fetch(`${second.baseUrl}/api/v2/alerts`)).json()) as { labels: Record<string, string> }[];
  assert.deepEqual(alerts.map((a) => a.labels.alertname), ['Drain']);
  await webhook.waitFor(1, 15_000);
  await new Promise((r) => setTimeout(r, 2500));
  assert.ok(webhook.notifications.length >= 1 && webhook.notifications.length <= 2, `delivered once, at most one duplicate (got ${webhook.notifications.length})`);
});
