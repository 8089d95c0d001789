// The flushing process sends a notification itself, with the delivery's BullMQ job committed as a
// delayed fallback: the job is gone once the delivery is recorded, stays held back while a slow
// delivery lasts, and is handed to another process at once when the flushing process shuts down.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { nflogKey } from '../../libs/dispatch/src';
import { NFLOG_KEY } from '../../libs/store/src/dispatch';
import { COMMIT_AFTER_SENDS_MS } from '../../apps/klaxon/src/dispatcher/group-flusher';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const config = (url: string) => `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 200ms
  group_interval: 1m
  repeat_interval: 1h
receivers:
- name: hook
  webhook_configs: [{url: '${url}'}]
`;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A Redis of its own per test, with a view of the webhook queue and the nflog. */
class Store {
  private constructor(readonly redis: TestRedisServer, readonly client: Redis, private readonly queueConnection: Redis, readonly queue: Queue) {}

  static async start(): Promise<Store> {
    const redis = await TestRedisServer.start({ appendOnly: false });
    const queueConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
    return new Store(redis, redis.client(), queueConnection, new Queue('notify-webhook', { connection: queueConnection, prefix: 'klaxon:queue' }));
  }

  get url(): string {
    return this.redis.url;
  }

  /** The nflog entry of the group `alertname` at the test config's receiver. */
  async nflogEntry(alertname: string): Promise<{ jobId?: string } | undefined> {
    const raw = await this.client.hget(NFLOG_KEY, nflogKey(`{}:{alertname="${alertname}"}`, 'hook', 'webhook', 0));
    return raw ? (JSON.parse(raw) as { jobId?: string }) : undefined;
  }

  async stop(): Promise<void> {
    await this.queue.close();
    this.queueConnection.disconnect();
    this.client.disconnect();
    await this.redis.stop();
  }
}

describe('deliveries sent by the flushing process', { concurrency: true }, () => {
  it('records the delivery and removes its fallback job, so no worker runs it', async () => {
    const store = await Store.start();
    const hook = await WebhookReceiver.start();
    const klaxon = await KlaxonProcess.start({ redisUrl: store.url, config: config(hook.url) });
    try {
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Direct' } }]);
      await hook.waitFor(1, 10_000);
      await until(async () => (await store.nflogEntry('Direct')) !== undefined, 5_000, 'the nflog entry');
      const { jobId } = (await store.nflogEntry('Direct'))!;
      assert.match(jobId ?? '', /^d[0-9a-f]{40}$/);
      // A worker's job would be kept as completed; the flushing process removed its fallback.
      await until(async () => (await store.queue.getJobState(jobId!)) === 'unknown', 5_000, 'the fallback job to be removed');
      assert.equal(await store.queue.getDelayedCount(), 0);
      await sleep(500);
      assert.equal(hook.requests, 1);
    } finally {
      await klaxon.cleanup();
      await hook.close();
      await store.stop();
    }
  });

  it('commits the flush a little after sending, not at the moment of sending', async () => {
    const store = await Store.start();
    const hook = await WebhookReceiver.start();
    // When the flush's commit wrote the delivery's fallback job (a keyspace event on the queue's delayed set).
    await store.client.config('SET', 'notify-keyspace-events', 'Kz');
    const events = store.client.duplicate();
    const jobWrites: number[] = [];
    events.on('pmessage', () => jobWrites.push(Date.now()));
    await events.psubscribe('__keyspace@0__:klaxon:queue:notify-webhook:delayed');
    const klaxon = await KlaxonProcess.start({ redisUrl: store.url, config: config(hook.url) });
    try {
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'CommitLater' } }]);
      const [sent] = await hook.waitFor(1, 10_000);
      await until(async () => (await store.nflogEntry('CommitLater')) !== undefined, 5_000, 'the nflog entry');
      assert.ok(jobWrites.length > 0, 'the commit wrote the fallback job');
      // Both clocks are in whole milliseconds, and the receiver got the notification after it was sent.
      const commitAfterReceipt = jobWrites[0] - sent.receivedAt;
      assert.ok(commitAfterReceipt >= COMMIT_AFTER_SENDS_MS / 2, `committed ${commitAfterReceipt} ms after the notification arrived`);
    } finally {
      await klaxon.cleanup();
      events.disconnect();
      await hook.close();
      await store.stop();
    }
  });

  it('holds the fallback job back while a delivery lasts longer than its delay', async () => {
    // 13 s: longer than the fallback delay (10 s), within the flush deadline (group_interval 1m).
    const store = await Store.start();
    const hook = await WebhookReceiver.start(() => ({ delayMs: 13_000 }));
    const klaxon = await KlaxonProcess.start({ redisUrl: store.url, config: config(hook.url) });
    try {
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Slow' } }]);
      await hook.waitFor(1, 20_000);
      await until(async () => (await store.nflogEntry('Slow')) !== undefined, 5_000, 'the nflog entry');
      await sleep(1_000);
      assert.equal(hook.requests, 1, 'the fallback job did not send the notification a second time');
    } finally {
      await klaxon.cleanup();
      await hook.close();
      await store.stop();
    }
  });

  it('hands a delivery it is still retrying to another process as soon as it shuts down', async () => {
    // Failing until the flushing process has shut down, then accepted.
    let accept = false;
    const hook = await WebhookReceiver.start(() => (accept ? {} : { status: 500 }));
    const store = await Store.start();
    const flushing = await KlaxonProcess.start({ redisUrl: store.url, config: config(hook.url) });
    let other: KlaxonProcess | undefined;
    try {
      await postAlerts(flushing.baseUrl, [{ labels: { alertname: 'HandedOver' } }]);
      await until(() => hook.requests >= 1, 10_000, 'the first attempt');
      other = await KlaxonProcess.start({ redisUrl: store.url, config: config(hook.url) });
      await flushing.stop('SIGTERM');
      accept = true;
      const stoppedAt = Date.now();
      const [sent] = await hook.waitFor(1, 20_000);
      // Not after the fallback delay (10 s): the job was released on shutdown.
      assert.ok(sent.receivedAt - stoppedAt < 5_000, `delivered ${sent.receivedAt - stoppedAt} ms after the shutdown`);
      assert.deepEqual(sent.body.groupLabels, { alertname: 'HandedOver' });
      await sleep(1_000);
      assert.equal(hook.notifications.length, 1);
    } finally {
      await flushing.cleanup();
      await other?.cleanup();
      await hook.close();
      await store.stop();
    }
  });
});
