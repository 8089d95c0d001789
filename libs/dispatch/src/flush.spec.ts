import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, LabelSet } from '../../core/src';
import { flushSnapshot, planFlush, resolvedToDelete, Muting } from './flush';
import { decideFlush } from './flush-decision';
import { StoredAlert } from './alert';
import { alertHash, needsUpdate } from './dedup';
import { GO_ZERO_TIME_MS } from './go-time';

const NOW = 50_000_000;
function alert(labels: LabelSet, endsAt = NOW + 60_000, updatedAt = NOW - 10): StoredAlert {
  return { labels, annotations: {}, startsAt: NOW - 60_000, endsAt, generatorURL: '', updatedAt, timeout: false, fingerprint: fingerprint(labels) };
}
const none: Muting = { inhibited: new Set(), silenced: new Set(), timeMuted: false };

describe('flushSnapshot', () => {
  test('zeroes endsAt of firing alerts, keeps resolved ends, sorts, copies', () => {
    const firing = alert({ instance: 'b' });
    const resolved = alert({ instance: 'a' }, NOW);
    const snap = flushSnapshot([firing, resolved], NOW);
    assert.deepEqual(snap.map((a) => [a.labels.instance, a.endsAt]), [['a', NOW], ['b', GO_ZERO_TIME_MS]]);
    assert.equal(firing.endsAt, NOW + 60_000, 'the stored alert is not modified');
  });
});

describe('planFlush', () => {
  const f1 = alert({ a: 'f1' });
  const f2 = alert({ a: 'f2' });
  const r1 = alert({ a: 'r1' }, NOW - 5);

  test('every integration gets all unmuted alerts; send_resolved false drops resolved ones', () => {
    const plan = planFlush({ alerts: [r1, f2, f1], now: NOW, muting: none, integrations: [{ sendResolved: true }, { sendResolved: false }] });
    assert.deepEqual(plan.integrations[0].alerts.map((a) => a.labels.a), ['f1', 'f2', 'r1']);
    assert.deepEqual(plan.integrations[1].alerts.map((a) => a.labels.a), ['f1', 'f2']);
    assert.deepEqual(plan.firing, [alertHash(f1.labels), alertHash(f2.labels)]);
    assert.deepEqual(plan.resolved, [alertHash(r1.labels)]);
  });

  test('inhibited and silenced alerts are removed one by one, firing or resolved', () => {
    const muting = { inhibited: new Set([f1.fingerprint]), silenced: new Set([r1.fingerprint]), timeMuted: false };
    const plan = planFlush({ alerts: [f1, f2, r1], now: NOW, muting, integrations: [{ sendResolved: true }] });
    assert.deepEqual(plan.unmuted.map((a) => a.labels.a), ['f2']);
    assert.deepEqual(plan.resolved, []);
  });

  test('a time-muted route sends nothing; the snapshot still holds every alert', () => {
    const plan = planFlush({ alerts: [f1, r1], now: NOW, muting: { ...none, timeMuted: true }, integrations: [{ sendResolved: true }] });
    assert.deepEqual([plan.unmuted, plan.firing, plan.integrations[0].alerts], [[], [], []]);
    assert.equal(plan.snapshot.length, 2);
  });

  test('with dedup: only-resolved group after firing → sent as all resolved, empty for send_resolved false', () => {
    const plan = planFlush({ alerts: [r1], now: NOW, muting: none, integrations: [{ sendResolved: false }] });
    const decision = needsUpdate({ entry: { firing: [alertHash(r1.labels)], resolved: [], timestamp: NOW - 1 }, firing: plan.firing, resolved: plan.resolved, sendResolved: false, repeatIntervalMs: 1, now: NOW });
    assert.deepEqual(decision, { send: true, reason: 'all alerts resolved' });
    assert.deepEqual(plan.integrations[0].alerts, []);
  });
});

describe('resolvedToDelete', () => {
  test('resolved snapshot alerts not updated since are deleted; updated or firing ones stay', () => {
    const r1 = alert({ a: 'r1' }, NOW - 5, 100);
    const r2 = alert({ a: 'r2' }, NOW - 5, 100);
    const f = alert({ a: 'f' });
    const snapshot = flushSnapshot([r1, r2, f], NOW);
    const store = new Map<string, StoredAlert>([
      [r1.fingerprint, r1],
      [r2.fingerprint, { ...r2, updatedAt: 200, endsAt: NOW + 60_000 }],
      [f.fingerprint, f],
    ]);
    assert.deepEqual(resolvedToDelete(snapshot, NOW, (fp) => store.get(fp)), [r1.fingerprint]);
  });
  test('an alert already gone from the store is not reported', () => {
    const r = alert({ a: 'r' }, NOW - 5);
    assert.deepEqual(resolvedToDelete(flushSnapshot([r], NOW), NOW, () => undefined), []);
  });
});

describe('decideFlush', () => {
  const f1 = alert({ a: 'f1' });
  const r1 = alert({ a: 'r1' }, NOW - 5);
  const muting = { inhibited: new Set<string>(), silenced: new Set<string>(), timeMuted: false };
  const base = { now: NOW, muting, repeatIntervalMs: 3_600_000 };

  test('first notification: send and log', () => {
    const d = decideFlush({ ...base, alerts: [f1], integrations: [{ sendResolved: true, entry: undefined }] });
    assert.deepEqual(d.integrations[0].reason, 'first notification');
    assert.equal(d.integrations[0].send, true);
    assert.deepEqual(d.integrations[0].logEntry, { firing: [alertHash(f1.labels)], resolved: [], timestamp: NOW });
  });

  test('all resolved with send_resolved false: nothing sent, but the log forgets the firing alerts', () => {
    const entry = { firing: [alertHash(r1.labels)], resolved: [], timestamp: NOW - 1000 };
    const d = decideFlush({ ...base, alerts: [r1], integrations: [{ sendResolved: false, entry }, { sendResolved: true, entry }] });
    assert.deepEqual(d.integrations[0], { send: false, reason: 'all alerts resolved', alerts: [], logEntry: { firing: [], resolved: [alertHash(r1.labels)], timestamp: NOW } });
    assert.equal(d.integrations[1].send, true);
    assert.deepEqual(d.integrations[1].alerts.map((a) => a.labels.a), ['r1']);
  });

  test('everything muted: nothing sent, nothing logged', () => {
    const d = decideFlush({ ...base, muting: { ...muting, silenced: new Set([f1.fingerprint]) }, alerts: [f1], integrations: [{ sendResolved: true, entry: undefined }] });
    assert.deepEqual(d.integrations[0], { send: false, alerts: [] });
    assert.equal(d.plan.snapshot.length, 1);
  });

  test('no change and repeat not due: nothing sent, nothing logged', () => {
    const entry = { firing: [alertHash(f1.labels)], resolved: [], timestamp: NOW - 1000 };
    const d = decideFlush({ ...base, alerts: [f1], integrations: [{ sendResolved: true, entry }] });
    assert.deepEqual(d.integrations[0], { send: false, alerts: [] });
  });
});
