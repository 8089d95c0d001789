import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { firstFlushAt, insertTriggersImmediateFlush, nextFlushAt } from './group-timing';
import { routeTimeMuting } from './route-time-muting';
import { alertApiStatus } from './alert-status';
import waits from './testdata/group-wait.json';

const NOW = 1_000_000;

describe('group timing', () => {
  test('first flush after group_wait; next ones group_interval after each tick', () => {
    assert.equal(firstFlushAt(NOW, 30_000), NOW + 30_000);
    assert.equal(nextFlushAt(NOW, 300_000), NOW + 300_000);
  });
  test('an old alert (startsAt + group_wait before now) flushes a group that has not flushed yet', () => {
    const base = { hasFlushed: false, groupWaitMs: 30_000, now: NOW };
    assert.equal(insertTriggersImmediateFlush({ ...base, alertStartsAt: NOW - 30_001 }), true);
    assert.equal(insertTriggersImmediateFlush({ ...base, alertStartsAt: NOW - 30_000 }), false);
    assert.equal(insertTriggersImmediateFlush({ ...base, alertStartsAt: NOW }), false);
    assert.equal(insertTriggersImmediateFlush({ ...base, hasFlushed: true, alertStartsAt: NOW - 3_600_000 }), false);
  });
});

describe('routeTimeMuting', () => {
  const inside = new Set(['night', 'weekend']);
  const contains = (name: string) => inside.has(name);

  test('no intervals: never muted', () => {
    assert.deepEqual(routeTimeMuting({ muteTimeIntervals: [], activeTimeIntervals: [] }, NOW, contains), { muted: false, mutedBy: [] });
  });
  test('mute intervals mute when one contains now; mutedBy lists those that do', () => {
    assert.deepEqual(routeTimeMuting({ muteTimeIntervals: ['work', 'night', 'weekend'], activeTimeIntervals: [] }, NOW, contains), {
      muted: true,
      mutedBy: ['night', 'weekend'],
    });
    assert.deepEqual(routeTimeMuting({ muteTimeIntervals: ['work'], activeTimeIntervals: [] }, NOW, contains), { muted: false, mutedBy: [] });
  });
  test('active intervals mute when none contains now, muted by all of them', () => {
    assert.deepEqual(routeTimeMuting({ muteTimeIntervals: [], activeTimeIntervals: ['work', 'holiday'] }, NOW, contains), {
      muted: true,
      mutedBy: ['work', 'holiday'],
    });
    assert.deepEqual(routeTimeMuting({ muteTimeIntervals: [], activeTimeIntervals: ['work', 'night'] }, NOW, contains), { muted: false, mutedBy: [] });
  });
  test('inside an active interval, mute intervals still apply', () => {
    assert.deepEqual(routeTimeMuting({ muteTimeIntervals: ['weekend'], activeTimeIntervals: ['night'] }, NOW, contains), {
      muted: true,
      mutedBy: ['weekend'],
    });
  });
  test('the predicate receives the instant', () => {
    const seen: number[] = [];
    routeTimeMuting({ muteTimeIntervals: ['x'], activeTimeIntervals: [] }, 42, (_, at) => (seen.push(at), false));
    assert.deepEqual(seen, [42]);
  });
});

describe('alertApiStatus', () => {
  test('suppressed by any of silences, inhibition, time muting', () => {
    assert.equal(alertApiStatus({ silencedBy: ['s'] }).state, 'suppressed');
    assert.equal(alertApiStatus({ inhibitedBy: ['f'] }).state, 'suppressed');
    assert.equal(alertApiStatus({ mutedBy: ['night'] }).state, 'suppressed');
  });
  test('otherwise active, or unprocessed when not processed yet; lists are always present', () => {
    assert.deepEqual(alertApiStatus({}), { state: 'active', silencedBy: [], inhibitedBy: [], mutedBy: [] });
    assert.equal(alertApiStatus({ processed: false }).state, 'unprocessed');
  });
});

describe('first flush times observed on Alertmanager 0.25 (testdata/group-wait.json)', () => {
  test('each group flushes when predicted (within 400 ms of scheduling and delivery latency)', () => {
    const predicted = new Map<string, number>();
    for (const p of waits.posts) {
      const due = predicted.get(p.group) ?? firstFlushAt(p.at, waits.groupWaitMs);
      const immediate = insertTriggersImmediateFlush({ hasFlushed: false, alertStartsAt: p.startsAt, groupWaitMs: waits.groupWaitMs, now: p.at });
      predicted.set(p.group, immediate ? Math.min(due, p.at) : due);
    }
    assert.equal(waits.arrivals.length, predicted.size);
    for (const a of waits.arrivals) {
      const due = predicted.get(a.group) as number;
      assert.ok(a.at >= due - 50 && a.at - due < 400, `${a.group}: arrived ${a.at - due} ms after the predicted time`);
    }
  });
});
