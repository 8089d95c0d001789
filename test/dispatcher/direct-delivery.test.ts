// The flushing process sends a notification itself and commits the flush a little later, over
// real HTTP to a webhook receiver: a delivery still running at the commit gets its BullMQ job
// committed as a delayed fallback, gone once the delivery is recorded, held back while a slow
// delivery lasts, and handed to another process at once when the flushing process shuts down.
// (Which deliveries the commit records itself: flush-commit.test.ts, where the test decides when
// the receiver answers.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { GROUPS_KEY, INFLIGHT_KEY, groupMembersKey } from '../../libs/store/src/dispatch';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { hookNflogEntry, hookRouteConfig } from './support/hook-route';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


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

  nflogEntry(alertname: string): Promise<{ jobId?: string } | undefined> {
    return hookNflogEntry(this.client, alertname);
  }

  async stop(): Promise<void> {
    await this.queue.close();
    this.queueConnection.disconnect();
    this.client.disconnect();
    await this.redis.stop();
  }
}

describe('deliveries sent by the flushing process', { concurrency: true }, () => {
  it('records a delivery still running at the commit and removes its fallback job, so no worker runs it', async () => {
    const store = await Store.start();
    // Answers after the commit (25 ms after the send) on any machine not stalled for 300 ms; if
    // not, the commit records the delivery itself, and all that follows holds as well.
    const hook = await WebhookReceiver.start(() => ({ delayMs: 300 }));
    const klaxon = await KlaxonProcess.start({ redisUrl: store.url, config: hookRouteConfig(hook.url) });
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

  it('records no nflog entry for a delivery that failed before the commit, and keeps its resolved alert in the group', async () => {
    const store = await Store.start();
    const hook = await WebhookReceiver.start(() => ({ status: 400 }));
    const klaxon = await KlaxonProcess.start({ redisUrl: store.url, config: hookRouteConfig(hook.url) });
    try {
      // One group: a firing alert (so it is notified at all) and a resolved one, which a successful flush would drop.
      const resolved = { startsAt: new Date(Date.now() - 2_000).toISOString(), endsAt: new Date(Date.now() - 1_000).toISOString() };
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Refused', instance: 'a' } }, { labels: { alertname: 'Refused', instance: 'b' }, ...resolved }]);
      await until(() => hook.requests >= 1, 10_000, 'the attempt');
      await until(() => /Notify for alerts failed/.test(klaxon.logs), 5_000, 'the failure to be logged');
      assert.equal(await store.nflogEntry('Refused'), undefined);
      const [groupId] = await store.client.hkeys(GROUPS_KEY);
      assert.equal(await store.client.scard(groupMembersKey(groupId)), 2, 'the resolved alert stays for the next flush');
      assert.equal(await store.queue.getDelayedCount(), 0);
      assert.equal(await store.client.hlen(INFLIGHT_KEY), 0);
      await sleep(500);
      assert.equal(hook.requests, 1, 'a 4xx answer is not retried');
    } finally {
      await klaxon.cleanup();
      await hook.close();
      await store.stop();
    }
  });

  it('holds the fallback job back while a delivery lasts longer than its delay', async () => {
    // 13 s: longer than the fallback delay (10 s), within the flush deadline (group_interval 1m).
    const store = await Store.start();
    const hook = await WebhookReceiver.start(() => ({ delayMs: 13_000 }));
    const klaxon = await KlaxonProcess.start({ redisUrl: store.url, config: hookRouteConfig(hook.url) });
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
    const flushing = await KlaxonProcess.start({ redisUrl: store.url, config: hookRouteConfig(hook.url) });
    let other: KlaxonProcess | undefined;
    try {
      await postAlerts(flushing.baseUrl, [{ labels: { alertname: 'HandedOver' } }]);
      await until(() => hook.requests >= 1, 10_000, 'the first attempt');
      other = await KlaxonProcess.start({ redisUrl: store.url, config: hookRouteConfig(hook.url) });
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
