import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StoredAlert } from './alert';
import { longestGroupWait, needsRegrouping } from './regrouping';

const NOW = Date.UTC(2026, 10, 24, 6, 0, 0);
const WAIT = 30_000;

function alert(startsAt: number, endsAt: number, updatedAt: number): StoredAlert {
  return { labels: { alertname: 'A' }, annotations: {}, startsAt, endsAt, generatorURL: '', updatedAt, timeout: false, fingerprint: '0000000000000001' };
}

describe('needsRegrouping', () => {
  const old = NOW - 10 * 60_000;
  const firing = (updatedAt: number) => alert(old, NOW + 240_000, updatedAt);

  test('a new alert is grouped', () => {
    assert.equal(needsRegrouping(undefined, firing(NOW), NOW, WAIT), true);
  });

  test('a refresh of an old firing alert is not grouped again', () => {
    assert.equal(needsRegrouping(firing(NOW - 60_000), firing(NOW), NOW, WAIT), false);
  });

  test('a firing alert that was resolved before (it may have left its groups) is grouped again', () => {
    const resolved = alert(old, NOW - 1_000, NOW - 60_000);
    assert.equal(needsRegrouping(resolved, firing(NOW), NOW, WAIT), true);
  });

  test('an alert that turns resolved, or stays resolved, is grouped again', () => {
    const resolvedNow = alert(old, NOW, NOW);
    assert.equal(needsRegrouping(firing(NOW - 60_000), resolvedNow, NOW, WAIT), true);
    assert.equal(needsRegrouping(alert(old, NOW - 5_000, NOW - 60_000), resolvedNow, NOW, WAIT), true);
  });

  test('a firing alert whose startsAt + group_wait had not passed when it was last stored is grouped again', () => {
    // Stored 10 s after it started; group_wait 30 s: this refresh can still make an unflushed group flush at once.
    const started = NOW - 40_000;
    const previous = alert(started, NOW + 240_000, started + 10_000);
    assert.equal(needsRegrouping(previous, alert(started, NOW + 240_000, NOW), NOW, WAIT), true);
    // With that refresh stored, the next one changes nothing any more.
    assert.equal(needsRegrouping(alert(started, NOW + 240_000, NOW), alert(started, NOW + 300_000, NOW + 60_000), NOW + 60_000, WAIT), false);
  });

  test("a new alert's refresh after twice the longest group_wait is not grouped again", () => {
    // Stored when it started (so the old-alert rule does not apply); Prometheus re-sends about a minute later.
    const started = NOW - 61_000;
    const previous = alert(started, NOW + 180_000, started);
    assert.equal(needsRegrouping(previous, alert(started, NOW + 240_000, NOW), NOW, WAIT), false);
    // Within twice the group_wait it may still pull an unflushed group forward (a group created
    // late by a lagging dispatcher is due only at its creation + group_wait).
    assert.equal(needsRegrouping(previous, alert(started, NOW + 240_000, NOW), started + 2 * WAIT, WAIT), true);
    assert.equal(needsRegrouping(previous, alert(started, NOW + 240_000, NOW), started + 2 * WAIT + 1, WAIT), false);
  });

  test('a start in the future delays the bound: twice the group_wait from the later start', () => {
    const previous = alert(NOW + 30_000, NOW + 240_000, NOW - 40_000);
    assert.equal(needsRegrouping(previous, alert(NOW + 30_000, NOW + 240_000, NOW + 60_000), NOW + 60_000, WAIT), true);
    assert.equal(needsRegrouping(previous, alert(NOW + 30_000, NOW + 240_000, NOW + 91_000), NOW + 91_000, WAIT), false);
  });

  test('the later startsAt of the two counts', () => {
    const previous = alert(NOW - 20_000, NOW + 240_000, NOW - 5_000);
    // The re-post claims an earlier start; the previous grouping saw the later one, which had not passed group_wait.
    assert.equal(needsRegrouping(previous, alert(NOW - 600_000, NOW + 240_000, NOW), NOW, WAIT), true);
  });
});

describe('longestGroupWait', () => {
  const node = (groupWait: number | undefined, routes: Array<{ groupWait?: number; routes: never[] }> = []) => ({ groupWait, routes });

  test("the root's default when nothing is set", () => {
    assert.equal(longestGroupWait(node(undefined)), 30_000);
  });

  test('the longest value set anywhere in the tree', () => {
    const tree = { groupWait: 5_000, routes: [{ groupWait: 1_000, routes: [{ groupWait: 120_000, routes: [] }] }, { routes: [] }] };
    assert.equal(longestGroupWait(tree), 120_000);
  });

  test('a root value shorter than the default is the bound when children inherit it', () => {
    assert.equal(longestGroupWait({ groupWait: 1_000, routes: [{ routes: [] }] }), 1_000);
  });
});
