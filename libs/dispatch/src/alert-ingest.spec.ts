import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, isValidLegacyLabelName } from '../../core/src';
import { normalizePostedAlert, PostedAlert } from './normalize-alert';
import { alertsOverlap, mergeAlert, mergeOverlapping } from './merge-alert';
import { isResolved, StoredAlert } from './alert';
import { GO_ZERO_TIME_MS } from './go-time';
import ingest from './testdata/alert-ingest.json';

const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const RT = 300_000;
const opts = { now: NOW, resolveTimeoutMs: RT };

function ok(posted: PostedAlert, o = opts): StoredAlert {
  const r = normalizePostedAlert(posted, o);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.alert;
}

interface PostedTimes {
  startsAt?: string;
  endsAt?: string;
  annotations?: Record<string, string>;
  generatorURL?: string;
}

describe('normalizePostedAlert', () => {
  test('no times: startsAt = now, endsAt = now + resolve_timeout, timeout set, updatedAt = now', () => {
    const a = ok({ labels: { alertname: 'A' } });
    assert.deepEqual([a.startsAt, a.endsAt, a.timeout, a.updatedAt], [NOW, NOW + RT, true, NOW]);
  });
  test('only endsAt: startsAt takes endsAt, no timeout', () => {
    const a = ok({ labels: { alertname: 'A' }, endsAt: NOW - 5000 });
    assert.deepEqual([a.startsAt, a.endsAt, a.timeout], [NOW - 5000, NOW - 5000, false]);
  });
  test('the Go zero time and null count as unset', () => {
    const a = ok({ labels: { alertname: 'A' }, startsAt: GO_ZERO_TIME_MS, endsAt: null });
    assert.deepEqual([a.startsAt, a.endsAt, a.timeout], [NOW, NOW + RT, true]);
  });
  test('the Unix epoch is a real time, not unset', () => {
    const a = ok({ labels: { alertname: 'A' }, startsAt: 0, endsAt: 1 });
    assert.deepEqual([a.startsAt, a.endsAt], [0, 1]);
  });
  test('empty-valued labels are dropped before fingerprinting; annotations keep empty values', () => {
    const a = ok({ labels: { alertname: 'A', empty: '' }, annotations: { note: '' } });
    assert.deepEqual(a.labels, { alertname: 'A' });
    assert.equal(a.fingerprint, fingerprint({ alertname: 'A' }));
    assert.deepEqual(a.annotations, { note: '' });
  });
  test('generatorURL defaults to empty; annotations to {}', () => {
    const a = ok({ labels: { alertname: 'A' } });
    assert.equal(a.generatorURL, '');
    assert.deepEqual(a.annotations, {});
  });
  test('startsAt equal to endsAt is accepted', () => {
    ok({ labels: { a: '1' }, startsAt: NOW - 1, endsAt: NOW - 1 });
  });
  test('UTF-8 label names are accepted by default (0.27+), rejected with the classic rule (0.25)', () => {
    ok({ labels: { 'a-b': 'x' } });
    const r = normalizePostedAlert({ labels: { 'a-b': 'x', ok: 'y' } }, { ...opts, isValidLabelName: isValidLegacyLabelName });
    assert.deepEqual(r, { ok: false, error: 'invalid label set: invalid name "a-b"' });
  });

  describe('error messages match Alertmanager 0.25 (testdata/alert-ingest.json)', () => {
    for (const c of ingest.validation) {
      test(c.name, () => {
        const a = c.alert as PostedTimes & { labels: Record<string, string> };
        const r = normalizePostedAlert(
          {
            labels: a.labels,
            annotations: a.annotations,
            startsAt: a.startsAt ? Date.parse(a.startsAt) : undefined,
            endsAt: a.endsAt ? Date.parse(a.endsAt) : undefined,
          },
          // The capture's own time: its cases are relative to it ("start in the future").
          { now: Date.parse(ingest.capturedAt), resolveTimeoutMs: ingest.resolveTimeoutMs },
        );
        assert.equal(c.response.status, 400);
        assert.equal(r.ok, false);
        assert.equal(JSON.stringify(r.ok ? '' : r.error) + '\n', c.response.body);
      });
    }
  });
});

function stored(over: Partial<StoredAlert>): StoredAlert {
  return {
    labels: { alertname: 'A' },
    annotations: {},
    startsAt: NOW - 60_000,
    endsAt: NOW + RT,
    generatorURL: '',
    updatedAt: NOW - 60_000,
    timeout: true,
    fingerprint: fingerprint({ alertname: 'A' }),
    ...over,
  };
}

describe('mergeAlert', () => {
  test('overlap is strict on both ends', () => {
    const old = stored({ startsAt: 100, endsAt: 200 });
    assert.equal(alertsOverlap(old, stored({ startsAt: 150, endsAt: 300 })), true);
    assert.equal(alertsOverlap(old, stored({ startsAt: 50, endsAt: 150 })), true);
    assert.equal(alertsOverlap(old, stored({ startsAt: 200, endsAt: 300 })), false);
    assert.equal(alertsOverlap(old, stored({ startsAt: 50, endsAt: 100 })), false);
    assert.equal(alertsOverlap(old, stored({ startsAt: 50, endsAt: 200 })), false);
  });
  test('no overlap: the incoming alert replaces the stored one', () => {
    const old = stored({ startsAt: NOW - 3_600_000, endsAt: NOW - 3_000_000, timeout: false });
    const incoming = stored({ startsAt: NOW - 10_000, updatedAt: NOW, generatorURL: 'x' });
    assert.equal(mergeAlert(old, incoming, NOW), incoming);
  });
  test('both resolved: the later end wins', () => {
    const old = stored({ endsAt: NOW - 1000, timeout: false });
    const incoming = stored({ startsAt: NOW - 30_000, endsAt: NOW - 5000, updatedAt: NOW, timeout: false });
    assert.equal(mergeAlert(old, incoming, NOW).endsAt, NOW - 1000);
  });
  test('firing re-post: a later explicit stored end stands, a later timeout end does not', () => {
    const incoming = stored({ startsAt: NOW - 30_000, endsAt: NOW + 60_000, updatedAt: NOW, timeout: false });
    assert.equal(mergeAlert(stored({ endsAt: NOW + RT, timeout: false }), incoming, NOW).endsAt, NOW + RT);
    assert.equal(mergeAlert(stored({ endsAt: NOW + RT, timeout: true }), incoming, NOW).endsAt, NOW + 60_000);
  });
  test('incoming resolved, stored firing: the incoming end stands', () => {
    const old = stored({ endsAt: NOW + 3_600_000, timeout: false });
    const incoming = stored({ startsAt: NOW - 30_000, endsAt: NOW - 5000, updatedAt: NOW, timeout: false });
    assert.equal(mergeAlert(old, incoming, NOW).endsAt, NOW - 5000);
  });
  test('the more recently updated alert wins regardless of argument order', () => {
    const newer = stored({ annotations: { v: 'new' }, updatedAt: NOW, startsAt: NOW - 30_000 });
    const older = stored({ annotations: { v: 'old' }, updatedAt: NOW - 1000 });
    for (const merged of [mergeOverlapping(newer, older, NOW), mergeOverlapping(older, newer, NOW)]) {
      assert.deepEqual(merged.annotations, { v: 'new' });
      assert.equal(merged.startsAt, older.startsAt);
    }
  });
  test('isResolved: endsAt set and not after now', () => {
    assert.equal(isResolved({ endsAt: NOW }, NOW), true);
    assert.equal(isResolved({ endsAt: NOW + 1 }, NOW), false);
    assert.equal(isResolved({ endsAt: GO_ZERO_TIME_MS }, NOW), false);
  });

  describe('sequences observed on Alertmanager 0.25 (testdata/alert-ingest.json)', () => {
    for (const m of ingest.merges) {
      test(m.name, () => {
        const post = (p: PostedTimes, now: number) =>
          ok(
            {
              labels: m.labels,
              annotations: p.annotations,
              startsAt: p.startsAt ? Date.parse(p.startsAt) : undefined,
              endsAt: p.endsAt ? Date.parse(p.endsAt) : undefined,
              generatorURL: p.generatorURL,
            },
            { now, resolveTimeoutMs: ingest.resolveTimeoutMs },
          );
        const first: PostedTimes = m.first;
        const second: PostedTimes = m.second;
        const result = mergeAlert(post(first, m.firstPostedAt), post(second, m.secondPostedAt), m.secondPostedAt);
        assert.equal(new Date(result.startsAt).toISOString(), m.result.startsAt);
        assert.deepEqual(result.annotations, m.result.annotations);
        assert.equal(result.generatorURL, m.result.generatorURL);
        if ([first.endsAt, second.endsAt].includes(m.result.endsAt)) {
          assert.equal(new Date(result.endsAt).toISOString(), m.result.endsAt);
        } else {
          // A resolve_timeout end comes from the server clock: allow for the client/server skew.
          assert.equal(result.timeout, true);
          assert.ok(Math.abs(result.endsAt - Date.parse(m.result.endsAt)) < 1000, `${new Date(result.endsAt).toISOString()} vs ${m.result.endsAt}`);
        }
      });
    }
  });
});
