// A delivery job taken over from a process that died mid-job (BullMQ "stalled"), or the fallback
// job of a delivery its flushing process ran itself: Klaxon sends it unless the nflog shows that
// this very job already sent it (its process died between recording the entry and completing or
// removing the job). A job's first run never reads the nflog for this; these runs must.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { DeliveryJobData } from '../../apps/klaxon/src/dispatcher/delivery-job';
import { sha256Hex } from '../../libs/core/src';
import { nflogKey } from '../../libs/dispatch/src';
import { NFLOG_KEY } from '../../libs/store/src/dispatch';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const QUEUE = 'notify-webhook';
const PREFIX = 'klaxon:queue';

function jobData(alertname: string, now: number): DeliveryJobData {
  const groupKey = `{}:{alertname="${alertname}"}`;
  const alert = {
    labels: { alertname },
    annotations: {},
    startsAt: now - 60_000,
    endsAt: now + 240_000,
    generatorURL: '',
    updatedAt: now,
    timeout: false,
    fingerprint: sha256Hex(alertname).slice(0, 16),
  };
  return {
    flushId: `flush-${alertname}`,
    groupId: `group-${alertname}`,
    groupKey,
    groupLabels: { alertname },
    nflogKey: nflogKey(groupKey, 'hook', 'webhook', 0),
    receiver: 'hook',
    integration: 'webhook',
    index: 0,
    alerts: [alert],
    now,
    reason: 'first notification',
    deadline: now + 120_000,
    firing: [alert.fingerprint],
    resolved: [],
    nflogExpiresAt: now + 3_600_000,
  };
}

describe('delivery jobs run after their process died', () => {
  let redis: TestRedisServer;
  let client: Redis;
  let hook: WebhookReceiver;
  let klaxon: KlaxonProcess | undefined;
  let queue: Queue<DeliveryJobData>;
  const connections: Redis[] = [];
  const connection = (): Redis => {
    const c = new Redis(redis.url, { maxRetriesPerRequest: null });
    connections.push(c);
    return c;
  };

  before(async () => {
    redis = await TestRedisServer.start({ appendOnly: false });
    client = redis.client();
    hook = await WebhookReceiver.start();
    queue = new Queue<DeliveryJobData>(QUEUE, { connection: connection(), prefix: PREFIX });
  });
  after(async () => {
    await klaxon?.cleanup();
    await queue.close();
    for (const c of connections) c.disconnect();
    client.disconnect();
    await hook.close();
    await redis.stop();
  });

  it('sends a stalled job again, except one whose own nflog entry shows it was sent', async () => {
    const now = Date.now();
    const recorded = jobData('Recorded', now);
    const unrecorded = jobData('Unrecorded', now);
    await queue.add('webhook', recorded, { jobId: 'd-recorded' });
    await queue.add('webhook', unrecorded, { jobId: 'd-unrecorded' });
    // The run that "died" (as a Klaxon process would: short lock, Klaxon's stalled-check interval,
    // which BullMQ shares per queue): it took both jobs and never finished them.
    const taken = new Set<string>();
    const dying = new Worker<DeliveryJobData>(QUEUE, async (job) => {
      taken.add(job.id!);
      await new Promise(() => undefined);
    }, { connection: connection(), prefix: PREFIX, lockDuration: 1_000, stalledInterval: 5_000, concurrency: 2 });
    const deadline = Date.now() + 10_000;
    while (taken.size < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(taken.size, 2);
    await dying.close(true);
    // It had sent and recorded the first one before dying.
    await client.hset(NFLOG_KEY, recorded.nflogKey, JSON.stringify({ firing: recorded.firing, resolved: [], timestamp: now, expiresAt: now + 3_600_000, jobId: 'd-recorded' }));

    klaxon = await KlaxonProcess.start({
      config: `
route:
  receiver: hook
receivers:
- name: hook
  webhook_configs:
  - url: ${hook.url}
`,
      redisUrl: redis.url,
    });
    const [sent] = await hook.waitFor(1, 30_000).catch(async (err) => {
      throw new Error(`${(err as Error).message}; job state: ${await queue.getJobState('d-unrecorded')}\n${klaxon!.logs}`);
    });
    assert.deepEqual(sent.body.groupLabels, { alertname: 'Unrecorded' });
    const completed = Date.now() + 15_000;
    while ((await queue.getJobState('d-recorded')) !== 'completed' && Date.now() < completed) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await queue.getJobState('d-recorded'), 'completed');
    const rerun = await Job.fromId(queue, 'd-recorded');
    assert.ok(rerun!.attemptsStarted > 1 || rerun!.stalledCounter > 0, 'the job really was a re-run');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(hook.notifications.length, 1, 'the recorded job was not sent again');
  });

  it('runs a fallback job, unless the nflog shows that the flushing process sent it', async () => {
    // The flushing process sent the first one and recorded it, then died before removing its
    // fallback job; it died before sending the second one.
    const now = Date.now();
    const sentAlready = { ...jobData('SentByFlusher', now), fallback: true };
    const neverSent = { ...jobData('NeverSent', now), fallback: true };
    await client.hset(NFLOG_KEY, sentAlready.nflogKey, JSON.stringify({ firing: sentAlready.firing, resolved: [], timestamp: now, expiresAt: now + 3_600_000, jobId: 'd-sent-already' }));
    const before = hook.notifications.length;
    await queue.add('webhook', sentAlready, { jobId: 'd-sent-already', delay: 200 });
    await queue.add('webhook', neverSent, { jobId: 'd-never-sent', delay: 200 });
    const sent = (await hook.waitFor(before + 1, 15_000))[before];
    assert.deepEqual(sent.body.groupLabels, { alertname: 'NeverSent' });
    const completed = Date.now() + 15_000;
    while ((await queue.getJobState('d-sent-already')) !== 'completed' && Date.now() < completed) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await queue.getJobState('d-sent-already'), 'completed');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(hook.notifications.length, before + 1, 'the recorded fallback job was not sent again');
  });
});
