// The notification history in a real Redis: newest first, filters, paging, bounded retention.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type Redis from 'ioredis';
import { HISTORY_KEY, NewDeliveryRecord, NotificationHistory } from '../../libs/store/src';
import { TestRedisServer } from '../support/redis-server';

const record = (n: number, overrides: Partial<NewDeliveryRecord> = {}): NewDeliveryRecord => ({
  at: 1_800_000_000_000 + n,
  receiver: n % 2 === 0 ? 'even' : 'odd',
  integration: n % 3 === 0 ? 'email' : 'pagerduty',
  index: 0,
  groupKey: `{}:{n="${n}"}`,
  groupLabels: { alertname: `A${n % 4}`, n: String(n) },
  alerts: [{ fingerprint: `f${n}`, status: 'firing' }],
  reason: 'first notification',
  outcome: n % 5 === 0 ? 'failed' : 'delivered',
  attempts: 1,
  latencyMs: n,
  ...(n % 5 === 0 ? { error: 'unexpected status code 500' } : {}),
  ...overrides,
});

describe('NotificationHistory', () => {
  let server: TestRedisServer;
  let redis: Redis;
  before(async () => {
    server = await TestRedisServer.start({ appendOnly: false });
    redis = server.client();
  });
  after(async () => {
    redis.disconnect();
    await server.stop();
  });
  beforeEach(() => redis.flushall());

  it('lists newest first with every field kept', async () => {
    const history = new NotificationHistory(redis);
    for (let n = 1; n <= 3; n++) await history.record(record(n));
    const page = await history.list({ limit: 10 });
    assert.deepEqual(page.notifications.map((r) => r.groupLabels.n), ['3', '2', '1']);
    const { id, ...rest } = page.notifications[2];
    assert.match(id, /^\d+-\d+$/);
    assert.deepEqual(rest, record(1));
    assert.equal(page.nextCursor, undefined);
  });

  it('filters by receiver, integration, outcome and group labels, and pages with a cursor', async () => {
    const history = new NotificationHistory(redis);
    for (let n = 1; n <= 450; n++) await history.record(record(n));
    const failedEven = await history.list({ receiver: 'even', outcome: 'failed', limit: 1000 });
    assert.deepEqual(failedEven.notifications.map((r) => Number(r.groupLabels.n)), Array.from({ length: 45 }, (_, i) => 450 - i * 10));
    const email = await history.list({ integration: 'email', groupLabels: { alertname: 'A1' }, limit: 1000 });
    assert.ok(email.notifications.length > 0);
    assert.ok(email.notifications.every((r) => r.integration === 'email' && r.groupLabels.alertname === 'A1'));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await history.list({ receiver: 'odd', limit: 70, cursor });
      assert.ok(page.notifications.length <= 70);
      seen.push(...page.notifications.map((r) => r.groupLabels.n));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 225);
    assert.equal(new Set(seen).size, 225);
    assert.deepEqual(seen.slice(0, 2), ['449', '447']);
  });

  it('filters by time range (since/until inclusive)', async () => {
    const history = new NotificationHistory(redis);
    await history.record(record(1));
    await new Promise((r) => setTimeout(r, 30));
    const middle = Date.now();
    await history.record(record(2));
    await new Promise((r) => setTimeout(r, 30));
    const end = Date.now();
    await new Promise((r) => setTimeout(r, 30));
    await history.record(record(3));
    const page = await history.list({ since: middle, until: end, limit: 10 });
    assert.deepEqual(page.notifications.map((r) => r.groupLabels.n), ['2']);
  });

  it('keeps at most maxEntries and nothing older than maxAgeMs', async () => {
    const small = new NotificationHistory(redis, { maxEntries: 5, maxAgeMs: 3_600_000 });
    for (let n = 1; n <= 12; n++) await small.record(record(n));
    const page = await small.list({ limit: 100 });
    assert.deepEqual(page.notifications.map((r) => r.groupLabels.n), ['12', '11', '10', '9', '8']);
    const shortLived = new NotificationHistory(redis, { maxEntries: 100, maxAgeMs: 50 });
    await new Promise((r) => setTimeout(r, 80));
    await shortLived.record(record(13));
    assert.deepEqual((await shortLived.list({ limit: 100 })).notifications.map((r) => r.groupLabels.n), ['13']);
  });

  it('writes the records asked for at once in one transaction, in order, trimmed as one by one', async () => {
    const history = new NotificationHistory(redis, { maxEntries: 12, maxAgeMs: 3_600_000 });
    const execCalls = async () => Number(/cmdstat_exec:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    const before = await execCalls();
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => history.record(record(i + 1))));
    assert.equal((await execCalls()) - before, 1);
    const streamOrder = (id: string) => id.split('-').map(BigInt);
    for (let i = 1; i < ids.length; i++) {
      const [[ms0, seq0], [ms1, seq1]] = [streamOrder(ids[i - 1]), streamOrder(ids[i])];
      assert.ok(ms1 > ms0 || (ms1 === ms0 && seq1 > seq0), `id ${ids[i]} after ${ids[i - 1]}`);
    }
    const page = await history.list({ limit: 100 });
    assert.deepEqual(page.notifications.map((r) => r.groupLabels.n), Array.from({ length: 12 }, (_, i) => String(30 - i)));
    assert.deepEqual(page.notifications.map((r) => r.id), ids.slice(18).reverse());
  });

  it('fails every record of a transaction that could not be written, and writes later ones', async () => {
    const history = new NotificationHistory(redis);
    await redis.set(HISTORY_KEY, 'not a stream');
    const results = await Promise.allSettled([history.record(record(1)), history.record(record(2))]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.match(String((results[0] as PromiseRejectedResult).reason), /WRONGTYPE/);
    await redis.del(HISTORY_KEY);
    await history.record(record(3));
    assert.deepEqual((await history.list({ limit: 10 })).notifications.map((r) => r.groupLabels.n), ['3']);
  });
});
