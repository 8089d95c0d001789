// The dispatcher's Redis scripts on a real Redis: claims, leases, group arming and removal, a
// flush's snapshot and commit, delivery settlement.
import assert from 'node:assert/strict';
import type Redis from 'ioredis';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ALERTS_KEY } from '../../libs/store/src';
import { SILENCES_VERSION_KEY } from '../../libs/store/src/dispatch/dispatch-keys';
import {
  ClaimedGroup,
  FlushCommit,
  FlushCommitParams,
  FlushOutcome,
  FlushSchedule,
  FlushSnapshotReader,
  GROUPS_KEY,
  GroupMembership,
  GroupRepository,
  INFLIGHT_KEY,
  NFLOG_KEY,
  SCHEDULE_KEY,
  groupMembersKey,
} from '../../libs/store/src/dispatch';
import { TestRedisServer } from '../support/redis-server';

/** Commits one flush in its own MULTI, as the flusher does (there with the delivery jobs added). */
async function commit(redis: Redis, params: Partial<FlushCommitParams> & { claim: ClaimedGroup }) {
  const flushCommit = new FlushCommit(redis);
  const tx = redis.multi();
  flushCommit.append(tx, { flushId: 'flush', dropped: [], entries: new Map(), deliveries: [], resolved: [], tallyTtlMs: 60_000, nextAt: 50_000, ...params });
  const [[err, reply]] = (await tx.exec())!;
  if (err) throw err;
  return flushCommit.outcome(reply);
}

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
  /** Group `g` with these members, claimed by `p1`. */
  async function claimedGroup(fingerprints: string[], groupId = 'g'): Promise<ClaimedGroup> {
    await new GroupRepository(redis).addMembers(fingerprints.map((fp) => membership(groupId, fp, 0, { firstFlushAt: 100 })));
    const { claimed } = await new FlushSchedule(redis).claimDue(200, 30_000, 10, 'p1');
    return claimed.find((c) => c.groupId === groupId)!;
  }

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
    assert.deepEqual((await redis.smembers(groupMembersKey('g'))).sort(), ['a', 'b', 'c']);
  });

  it('records a batch whose alerts interleave several groups, each group with its own metadata and timer', async () => {
    const groups = new GroupRepository(redis);
    const schedule = new FlushSchedule(redis);
    const now = 2_000_000;
    await groups.addMembers([
      membership('x', 'x1', now),
      membership('y', 'y1', now, { firstFlushAt: now + 10_000 }),
      membership('x', 'x2', now, { firstFlushAt: now + 99_000 }),
      membership('z', 'z1', now, { flushAtOnce: true }),
      membership('y', 'y2', now),
    ]);
    assert.deepEqual((await redis.smembers(groupMembersKey('x'))).sort(), ['x1', 'x2']);
    assert.deepEqual((await redis.smembers(groupMembersKey('y'))).sort(), ['y1', 'y2']);
    assert.deepEqual(await redis.smembers(groupMembersKey('z')), ['z1']);
    // The first membership of a new group arms it (NX); an old alert brings it forward to now.
    assert.equal(await schedule.dueAt('x'), now + 30_000);
    assert.equal(await schedule.dueAt('y'), now + 10_000);
    assert.equal(await schedule.dueAt('z'), now);
    for (const id of ['x', 'y', 'z']) {
      assert.deepEqual(JSON.parse((await redis.hget(GROUPS_KEY, id))!), membership(id, '', now).meta);
    }
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
    const claim = await claimedGroup(['r1', 'r2', 'f']);
    const deliveries = ['k1', 'k2'].map((nflogKey, i) => ({ nflogKey, marker: { jobId: `job${i}`, until: 9e15 } }));
    await commit(redis, { claim, flushId: 'flush1', deliveries, resolved: [{ fingerprint: 'r1', json: '{"v":1}' }, { fingerprint: 'r2', json: '{"v":2}' }] });
    // Nothing leaves the group before its deliveries succeeded.
    assert.deepEqual((await redis.smembers(groupMembersKey('g'))).sort(), ['f', 'r1', 'r2']);
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
    const claim = await claimedGroup(['r1']);
    await commit(redis, { claim, flushId: 'flush2', deliveries: [{ nflogKey: 'k1', marker: { jobId: 'job0', until: 9e15 } }], resolved: [{ fingerprint: 'r1', json: '{"v":1}' }] });
    await outcome.settle({ flushId: 'flush2', groupId: 'g', nflogKey: 'k1', jobId: 'job0' });
    assert.deepEqual(await redis.smembers(groupMembersKey('g')), ['r1']);
    assert.equal(await redis.hexists(NFLOG_KEY, 'k1'), 0);
    assert.equal(await redis.hexists(INFLIGHT_KEY, 'k1'), 0);
  });

  it('reads a flush snapshot in one script: members with their alerts, nflog states, silences version', async () => {
    const reader = new FlushSnapshotReader(redis);
    assert.equal(await reader.read('g', ['k1'], 1_000), undefined);
    await new GroupRepository(redis).addMembers(['a', 'gone'].map((fp) => membership('g', fp, 0)));
    await redis.hset(ALERTS_KEY, 'a', JSON.stringify({ fingerprint: 'a', labels: { alertname: 'g' } }));
    await redis.hset(NFLOG_KEY, 'k1', JSON.stringify({ firing: ['a'], resolved: [], timestamp: 5, expiresAt: 9 }));
    await redis.hset(INFLIGHT_KEY, 'k1', JSON.stringify({ jobId: 'j1', until: 2_000 }), 'k2', JSON.stringify({ jobId: 'j2', until: 500 }));
    await redis.set(SILENCES_VERSION_KEY, '7');
    const snapshot = (await reader.read('g', ['k1', 'k2', 'k3'], 1_000))!;
    assert.deepEqual(snapshot.meta, membership('g', 'a', 0).meta);
    const members = Object.fromEntries(snapshot.members.map((m) => [m.fingerprint, m.record?.alert]));
    assert.deepEqual(members, { a: { fingerprint: 'a', labels: { alertname: 'g' } }, gone: undefined });
    assert.deepEqual(snapshot.nflog, [
      { entry: { firing: ['a'], resolved: [], timestamp: 5, expiresAt: 9 }, inflight: { jobId: 'j1', until: 2_000 } },
      { entry: undefined, inflight: undefined }, // its marker ran out at 500
      { entry: undefined, inflight: undefined },
    ]);
    assert.equal(snapshot.silencesVersion, '7');
    await redis.del(SILENCES_VERSION_KEY);
    assert.equal((await reader.read('g', [], 1_000))!.silencesVersion, null);
  });

  it('reads groups larger than one HMGET slice, each member with its own alert', async () => {
    const fingerprints = Array.from({ length: 2_345 }, (_, i) => `fp${i}`);
    await new GroupRepository(redis).addMembers(fingerprints.map((fp) => membership('big', fp, 0)));
    await redis.hset(ALERTS_KEY, ...fingerprints.flatMap((fp) => [fp, JSON.stringify({ fingerprint: fp })]));
    const snapshot = (await new FlushSnapshotReader(redis).read('big', [], 0))!;
    assert.equal(snapshot.members.length, fingerprints.length);
    for (const { fingerprint, record } of snapshot.members) assert.equal(record?.alert.fingerprint, fingerprint);
  });

  it('commits a flush with deliveries: dropped members, log entries, markers, tally and the next tick at once', async () => {
    const claim = await claimedGroup(['a', 'b', 'stale']);
    const entry = { firing: ['a'], resolved: [], timestamp: 1, expiresAt: 2 };
    const outcome = await commit(redis, {
      claim,
      flushId: 'f1',
      dropped: ['stale'],
      entries: new Map([['k-direct', entry]]),
      deliveries: [{ nflogKey: 'k1', marker: { jobId: 'j1', until: 9e15 } }],
      resolved: [{ fingerprint: 'b', json: '{"b":1}' }],
      tallyTtlMs: 60_000,
      nextAt: 12_345,
    });
    assert.equal(outcome, 'rescheduled');
    assert.deepEqual((await redis.smembers(groupMembersKey('g'))).sort(), ['a', 'b']);
    assert.deepEqual(JSON.parse((await redis.hget(NFLOG_KEY, 'k-direct'))!), entry);
    assert.deepEqual(JSON.parse((await redis.hget(INFLIGHT_KEY, 'k1'))!), { jobId: 'j1', until: 9e15 });
    const tally = await redis.hgetall('klaxon:dispatch:flush:f1');
    assert.deepEqual(tally, { pending: '1', group: 'g', resolved: JSON.stringify(['b', '{"b":1}']) });
    assert.ok((await redis.pttl('klaxon:dispatch:flush:f1')) > 59_000);
    assert.equal(await new FlushSchedule(redis).dueAt('g'), 12_345);
  });

  it('commits a flush without deliveries: unchanged resolved alerts leave at once, an emptied group goes', async () => {
    await redis.hset(ALERTS_KEY, 'r1', '{"v":1}', 'r2', '{"v":2-updated}');
    const claim = await claimedGroup(['r1', 'r2']);
    const resolved = [{ fingerprint: 'r1', json: '{"v":1}' }, { fingerprint: 'r2', json: '{"v":2}' }];
    assert.equal(await commit(redis, { claim, resolved }), 'rescheduled');
    assert.deepEqual(await redis.smembers(groupMembersKey('g')), ['r2']);
    assert.equal(await redis.exists('klaxon:dispatch:flush:flush'), 0);
    const { claimed: [again] } = await new FlushSchedule(redis).claimDue(60_000, 30_000, 10, 'p1');
    assert.equal(await commit(redis, { claim: again, dropped: ['r2'] }), 'removed');
    assert.equal(await redis.hexists(GROUPS_KEY, 'g'), 0);
    assert.equal(await new FlushSchedule(redis).dueAt('g'), undefined);
  });

  it('commits a flush whose deliveries all ended before it: their entries at once, resolved alerts only if none failed', async () => {
    await redis.hset(ALERTS_KEY, 'r1', '{"v":1}');
    const resolved = [{ fingerprint: 'r1', json: '{"v":1}' }];
    const entry = { firing: [], resolved: ['r1'], timestamp: 1, expiresAt: 2, jobId: 'j1' };
    const claim = await claimedGroup(['r1']);
    await commit(redis, { claim, entries: new Map([['k1', entry]]), failed: true, resolved });
    assert.deepEqual(await redis.smembers(groupMembersKey('g')), ['r1']);
    assert.deepEqual(JSON.parse((await redis.hget(NFLOG_KEY, 'k1'))!), entry);
    assert.equal(await redis.exists('klaxon:dispatch:flush:flush'), 0);
    const { claimed: [again] } = await new FlushSchedule(redis).claimDue(60_000, 30_000, 10, 'p1');
    await commit(redis, { claim: again, entries: new Map([['k1', entry]]), resolved });
    assert.deepEqual(await redis.smembers(groupMembersKey('g')), []);
  });

  it('keeps resolved alerts when a delivery failed before the commit and another was still running', async () => {
    const outcome = new FlushOutcome(redis);
    await redis.hset(ALERTS_KEY, 'r1', '{"v":1}');
    const claim = await claimedGroup(['r1']);
    const deliveries = [{ nflogKey: 'k2', marker: { jobId: 'job2', until: 9e15 } }];
    await commit(redis, { claim, flushId: 'flush3', deliveries, failed: true, resolved: [{ fingerprint: 'r1', json: '{"v":1}' }] });
    assert.equal(await redis.hget('klaxon:dispatch:flush:flush3', 'failed'), '1');
    await outcome.settle({ flushId: 'flush3', groupId: 'g', nflogKey: 'k2', jobId: 'job2', entry: { firing: [], resolved: ['r1'], timestamp: 1, expiresAt: 2 } });
    assert.deepEqual(await redis.smembers(groupMembersKey('g')), ['r1']);
    assert.equal(await redis.exists('klaxon:dispatch:flush:flush3'), 0);
  });

  it('does not reschedule a group whose lease another flusher took over', async () => {
    const claim = await claimedGroup(['a']);
    const { claimed: [taker] } = await new FlushSchedule(other).claimDue(40_000, 30_000, 10, 'p2');
    assert.equal(await commit(redis, { claim, nextAt: 99_999 }), 'lost-lease');
    assert.equal(await new FlushSchedule(redis).dueAt('g'), 70_000);
    assert.equal(await commit(other, { claim: taker, nextAt: 80_000 }), 'rescheduled');
    assert.equal(await new FlushSchedule(redis).dueAt('g'), 80_000);
  });
});
