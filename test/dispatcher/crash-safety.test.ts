// Crash safety and scale-out: several Klaxon processes on one Redis notify exactly once; a
// process killed during group_wait or during a delivery loses nothing (at most the delivery in
// flight is repeated); a Redis restart is survived without help.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const config = (url: string, groupWait = '1s') => `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: ${groupWait}
  group_interval: 1s
  repeat_interval: 1h
receivers:
- name: hook
  webhook_configs: [{url: '${url}'}]
`;

/** How many notifications each group (by alertname) got. */
function perGroup(receiver: WebhookReceiver): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of receiver.notifications) counts[n.body.groupLabels.alertname] = (counts[n.body.groupLabels.alertname] ?? 0) + 1;
  return counts;
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function postWithRetry(baseUrl: string, alerts: unknown[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await postAlerts(baseUrl, alerts);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
}

describe('crash safety and scale-out', { concurrency: true }, () => {
  it('notifies each group exactly once with three processes on one Redis', async () => {
    const redis = await TestRedisServer.start({ appendOnly: false });
    const hook = await WebhookReceiver.start();
    const processes = await Promise.all([0, 1, 2].map(() => KlaxonProcess.start({ redisUrl: redis.url, config: config(hook.url) })));
    try {
      const groups = ['G0', 'G1', 'G2', 'G3', 'G4', 'G5'];
      await Promise.all(groups.map((alertname, i) => postAlerts(processes[i % 3].baseUrl, [{ labels: { alertname } }])));
      await hook.waitFor(groups.length, 5_000);
      // A new alert in one group, posted to another process: one "new alerts added" notification.
      await postAlerts(processes[2].baseUrl, [{ labels: { alertname: 'G0', instance: 'second' } }]);
      await sleep(3_000);
      assert.deepEqual(perGroup(hook), { G0: 2, G1: 1, G2: 1, G3: 1, G4: 1, G5: 1 });
      const last = hook.notifications.filter((n) => n.body.groupLabels.alertname === 'G0')[1];
      assert.equal(last.body.alerts.length, 2);
    } finally {
      await Promise.all(processes.map((p) => p.cleanup()));
      await hook.close();
      await redis.stop();
    }
  });

  it('flushes a group from another process, or after a restart, when its process is killed during group_wait', async () => {
    const redis = await TestRedisServer.start({ appendOnly: false });
    const hook = await WebhookReceiver.start();
    const a = await KlaxonProcess.start({ redisUrl: redis.url, config: config(hook.url, '3s') });
    const b = await KlaxonProcess.start({ redisUrl: redis.url, config: config(hook.url, '3s') });
    try {
      await postAlerts(a.baseUrl, [{ labels: { alertname: 'Survivor' } }]);
      await sleep(500);
      await a.stop('SIGKILL');
      await hook.waitFor(1, 6_000);
      // Now the only process dies during group_wait, and is started again.
      await postAlerts(b.baseUrl, [{ labels: { alertname: 'Restarted' } }]);
      await sleep(500);
      await b.stop('SIGKILL');
      await b.start();
      await hook.waitFor(2, 8_000);
      await sleep(2_000);
      assert.deepEqual(perGroup(hook), { Survivor: 1, Restarted: 1 });
    } finally {
      await a.cleanup();
      await b.cleanup();
      await hook.close();
      await redis.stop();
    }
  });

  it('repeats only the delivery in flight when its process is killed mid-request', async () => {
    const redis = await TestRedisServer.start({ appendOnly: false });
    // The first request hangs (the receiver is slow); later ones are answered at once.
    const hook = await WebhookReceiver.start();
    hook.setAnswer(() => (hook.requests === 1 ? { delayMs: 60_000, record: false } : {}));
    const a = await KlaxonProcess.start({ redisUrl: redis.url, config: config(hook.url, '500ms') });
    let b: KlaxonProcess | undefined;
    try {
      await postAlerts(a.baseUrl, [{ labels: { alertname: 'InFlight' } }]);
      await until(() => hook.requests === 1, 5_000, 'the first delivery attempt');
      await a.stop('SIGKILL');
      b = await KlaxonProcess.start({ redisUrl: redis.url, config: config(hook.url, '500ms') });
      // The killed process's delivery is taken over once its fallback job's delay runs out.
      await hook.waitFor(1, 30_000);
      await sleep(2_000);
      assert.equal(hook.requests, 2);
      assert.deepEqual(perGroup(hook), { InFlight: 1 });
    } finally {
      await a.cleanup();
      await b?.cleanup();
      await hook.close();
      await redis.stop();
    }
  });

  for (const persisted of [true, false]) {
    it(`recovers by itself when Redis is stopped and started again ${persisted ? 'with' : 'without'} its data`, async () => {
      const redis = await TestRedisServer.start({ appendOnly: persisted });
      const hook = await WebhookReceiver.start();
      const klaxon = await KlaxonProcess.start({ redisUrl: redis.url, config: config(hook.url, '500ms') });
      try {
        await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Before' } }]);
        await hook.waitFor(1, 5_000);
        await sleep(1_500); // AOF fsyncs every second
        await redis.kill();
        await sleep(2_000);
        await redis.launch(persisted);
        await postWithRetry(klaxon.baseUrl, [{ labels: { alertname: 'After' } }], 15_000);
        await hook.waitFor(2, 15_000);
        await sleep(2_000);
        // Without its data Redis forgot the alerts along with their groups and log: Before is not sent again.
        assert.deepEqual(perGroup(hook), { Before: 1, After: 1 });
      } finally {
        await klaxon.cleanup();
        await hook.close();
        await redis.stop();
      }
    });
  }
});
