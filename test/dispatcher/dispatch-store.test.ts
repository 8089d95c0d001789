// The dispatcher's Redis scripts on a real Redis: claims, leases, group arming and removal,
// delivery settlement.
import assert from 'node:assert/strict';
import type Redis from 'ioredis';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ALERTS_KEY } from '../../libs/store/src';
import {
  FlushOutcome,
  FlushSchedule,
  GROUPS_KEY,
  GroupMembership,
  GroupRepository,
  INFLIGHT_KEY,
  NFLOG_KEY,
  SCHEDULE_KEY,
  groupMembersKey,
} from '../../libs/store/src/dispatch';
import { TestRedisServer } from '../support/redis-server';

const membership = (groupId: string, fingerprint: string, now: number, over: Partial<GroupMembership> = {}): GroupMembership => ({
  groupId,
  meta: { groupKey: `{}:{alertname="${groupId}"}`, routeId: '{}', labels: { alertname: groupId } },
  fingerprint,
  firstFlushAt: now + 30_000,
  flushAtOnce: false,
  now,
  ...over,
});

describe('dispatch store scripts', () => {
  let server: TestRedisServer;
  let redis: Redis;
  let other: Redis;

  before(async () => {
    server = await TestRedisServer.start({ appendOnly: false });
    redis = server.client();
    other = server.client();
  });
  beforeEach(async () => {
    await redis.flushall();
  });
  after(async () => {
    redis.disconnect();
    other.disconnect();
    await server.stop();
  });

  it('arms a new group at group_wait, and at once for an old alert only until its first flush', async () => {
    const groups = new GroupRepository(redis);
    const schedule = new FlushSchedule(redis);
    const now = 1_000_000;
    await groups.addMembers([membership('g', 'a', now)]);
    assert.equal(await schedule.dueAt('g'), now + 30_000);
    await groups.addMembers([membership('g', 'a', now)]); // replay: unchanged
    assert.equal(await schedule.dueAt('g'), now + 30_000);
    await groups.addMembers([membership('g', 'b', now + 5, { flushAtOnce: true })]);
    assert.equal(await schedule.dueAt('g'), now + 5);
    const { claimed } = await schedule.claimDue(now + 10, 30_000, 10, 'p1');
    assert.equal(claimed.length, 1);
    await schedule.finish(claimed[0], now + 1_000);
    await groups.addMembers([membership('g', 'c', now + 20, { flushAtOnce: true })]);
    assert.equal(await schedule.dueAt('g'), now + 1_000);
    assert.deepEqual((await groups.load('g'))!.fingerprints.sort(), ['a', 'b', 'c']);
  });

  it('lets exactly one of two processes claim a due group', async () => {
    await new GroupRepository(redis).addMembers([membership('g', 'a', 0, { firstFlushAt: 100 })]);
    const [first, second] = await Promise.all([
      new FlushSchedule(redis).claimDue(200, 30_000, 10, 'p1'),
      new FlushSchedule(other).claimDue(200, 30_000, 10, 'p2'),
    ]);
    assert.equal(first.claimed.length + second.claimed.length, 1);
    assert.equal(Number(await redis.zscore(SCHEDULE_KEY, 'g')), 200 + 30_000);
  });

  it('hands a group whose lease ran out to another flusher, and ignores the late one', async () => {
    const schedule = new FlushSchedule(redis);
    await new GroupRepository(redis).addMembers([membership('g', 'a', 0, { firstFlushAt: 100 })]);
    const { claimed: [late] } = await schedule.claimDue(200, 1_000, 10, 'p1');
    assert.deepEqual((await schedule.claimDue(1_000, 1_000, 10, 'p2')).claimed, []);
    const { claimed: [taker], nextDueAt } = await schedule.claimDue(1_300, 1_000, 10, 'p2');
    assert.equal(taker.groupId, 'g');
    assert.equal(nextDueAt, 2_300);
    assert.equal(await schedule.finish(late, 5_000), 'lost-lease');
    assert.equal(await schedule.finish(taker, 9_000), 'rescheduled');
    assert.equal(await schedule.dueAt('g'), 9_000);
  });

  it('removes a group that has no members left when its flush ends', async () => {
    const groups = new GroupRepository(redis);
    const schedule = new FlushSchedule(redis);
    await groups.addMembers([membership('g', 'a', 0, { firstFlushAt: 100 })]);
    const { claimed: [claim] } = await schedule.claimDue(200, 30_000, 10, 'p1');
    await groups.removeMembers('g', ['a']);
    assert.equal(await schedule.finish(claim, 5_000), 'removed');
    assert.equal(await schedule.dueAt('g'), undefined);
    assert.equal(await redis.hexists(GROUPS_KEY, 'g'), 0);
  });

  it('remembers since when a group has had no route, until a routed flush clears it', async () => {
    const groups = new GroupRepository(redis);
    const schedule = new FlushSchedule(redis);
    await groups.addMembers([membership('g', 'a', 0, { firstFlushAt: 100 })]);
    assert.equal(await groups.unroutedSince('g', 1_000), 1_000);
    assert.equal(await groups.unroutedSince('g', 2_000), 1_000);
    const { claimed: [first] } = await schedule.claimDue(3_000, 30_000, 10, 'p1');
    assert.equal(await schedule.finish(first, 4_000, { routed: false }), 'rescheduled');
    assert.equal(await groups.unroutedSince('g', 5_000), 1_000);
    const { claimed: [second] } = await schedule.claimDue(5_000, 30_000, 10, 'p1');
    assert.equal(await schedule.finish(second, 6_000), 'rescheduled');
    assert.equal(await groups.unroutedSince('g', 7_000), 7_000);
  });

  it('settles deliveries once each and drops unchanged resolved alerts when all succeeded', async () => {
    const outcome = new FlushOutcome(redis);
    await redis.hset(ALERTS_KEY, 'r1', '{"v":1}', 'r2', '{"v":2-updated}');
    await redis.sadd(groupMembersKey('g'), 'r1', 'r2', 'f');
    const deliveries = ['k1', 'k2'].map((nflogKey, i) => ({ nflogKey, marker: { jobId: `job${i}`, until: 9e15 } }));
    await outcome.begin('flush1', 'g', deliveries, [{ fingerprint: 'r1', json: '{"v":1}' }, { fingerprint: 'r2', json: '{"v":2}' }], 60_000);
    const entry = { firing: ['f'], resolved: ['r1'], timestamp: 1, expiresAt: 2 };
    await outcome.settle({ flushId: 'flush1', groupId: 'g', nflogKey: 'k1', jobId: 'job0', entry });
    await outcome.settle({ flushId: 'flush1', groupId: 'g', nflogKey: 'k1', jobId: 'job0', entry }); // a re-run
    assert.deepEqual((await redis.smembers(groupMembersKey('g'))).sort(), ['f', 'r1', 'r2']);
    assert.equal(await redis.hexists(INFLIGHT_KEY, 'k1'), 0);
    assert.equal(await redis.hexists(INFLIGHT_KEY, 'k2'), 1);
    await outcome.settle({ flushId: 'flush1', groupId: 'g', nflogKey: 'k2', jobId: 'job1', entry });
    // r2 changed since the flush read it: it stays for the next flush.
    assert.deepEqual((await redis.smembers(groupMembersKey('g'))).sort(), ['f', 'r2']);
    assert.deepEqual(JSON.parse((await redis.hget(NFLOG_KEY, 'k2'))!), entry);
  });

  it('keeps resolved alerts and writes no log entry when a delivery failed', async () => {
    const outcome = new FlushOutcome(redis);
    await redis.hset(ALERTS_KEY, 'r1', '{"v":1}');
    await redis.sadd(groupMembersKey('g'), 'r1');
    await outcome.begin('flush2', 'g', [{ nflogKey: 'k1', marker: { jobId: 'job0', until: 9e15 } }], [{ fingerprint: 'r1', json: '{"v":1}' }], 60_000);
    await outcome.settle({ flushId: 'flush2', groupId: 'g', nflogKey: 'k1', jobId: 'job0' });
    assert.deepEqual(await redis.smembers(groupMembersKey('g')), ['r1']);
    assert.equal(await redis.hexists(NFLOG_KEY, 'k1'), 0);
    assert.equal(await redis.hexists(INFLIGHT_KEY, 'k1'), 0);
  });
});
