import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { alertHash, needsUpdate, nflogEntryExpiresAt, NflogEntry } from './dedup';

const NOW = 10_000_000;
const REPEAT = 4 * 3_600_000;
const entry = (firing: string[], resolved: string[] = [], timestamp = NOW - 1000): NflogEntry => ({ firing, resolved, timestamp });
const decide = (e: NflogEntry | undefined, firing: string[], resolved: string[] = [], sendResolved = true, now = NOW) =>
  needsUpdate({ entry: e, firing, resolved, sendResolved, repeatIntervalMs: REPEAT, now });

describe('needsUpdate (the dedup table of the reference, 3.7)', () => {
  test('no entry: send only when something fires', () => {
    assert.deepEqual(decide(undefined, ['a']), { send: true, reason: 'first notification' });
    assert.deepEqual(decide(undefined, [], ['a']), { send: false });
  });
  test('a firing alert not in the entry: new alerts added, or first notification if none fired before', () => {
    assert.deepEqual(decide(entry(['a']), ['a', 'b']), { send: true, reason: 'new alerts added' });
    assert.deepEqual(decide(entry([], ['x']), ['b']), { send: true, reason: 'first notification' });
  });
  test('nothing firing now but something fired before: all alerts resolved, even without send_resolved', () => {
    assert.deepEqual(decide(entry(['a']), [], ['a'], false), { send: true, reason: 'all alerts resolved' });
    assert.deepEqual(decide(entry(['a']), [], [], true), { send: true, reason: 'all alerts resolved' });
  });
  test('nothing firing now or before: no send', () => {
    assert.deepEqual(decide(entry([], ['a']), [], ['a', 'b']), { send: false });
  });
  test('a newly resolved alert is news only with send_resolved', () => {
    assert.deepEqual(decide(entry(['a', 'b']), ['a'], ['b']), { send: true, reason: 'some alerts resolved' });
    assert.deepEqual(decide(entry(['a', 'b']), ['a'], ['b'], false), { send: false });
    assert.deepEqual(decide(entry(['a'], ['b']), ['a'], ['b']), { send: false });
  });
  test('a firing alert that disappeared (e.g. silenced) is not news by itself', () => {
    assert.deepEqual(decide(entry(['a', 'b']), ['a']), { send: false });
  });
  test('repeat interval: strictly older than now − repeat_interval', () => {
    assert.deepEqual(decide(entry(['a'], [], NOW - REPEAT - 1), ['a']), { send: true, reason: 'repeat interval elapsed' });
    assert.deepEqual(decide(entry(['a'], [], NOW - REPEAT), ['a']), { send: false });
  });
  test('checks run in table order: new firing beats repeat', () => {
    assert.deepEqual(decide(entry(['a'], [], 0), ['a', 'b']), { send: true, reason: 'new alerts added' });
  });
  test('accepts any iterables, duplicates ignored', () => {
    assert.deepEqual(needsUpdate({ entry: entry(['a']), firing: new Set(['a']), resolved: ['z', 'z'], sendResolved: true, repeatIntervalMs: REPEAT, now: NOW }), {
      send: true,
      reason: 'some alerts resolved',
    });
  });
});

describe('alertHash', () => {
  test('independent of label insertion order, different for different sets', () => {
    assert.equal(alertHash({ a: '1', b: '2' }), alertHash({ b: '2', a: '1' }));
    assert.notEqual(alertHash({ a: '1', b: '2' }), alertHash({ a: '1', b: '3' }));
    assert.notEqual(alertHash({ ab: 'c' }), alertHash({ a: 'bc' }));
  });
});

describe('nflogEntryExpiresAt', () => {
  test('2×repeat_interval, capped by the retention', () => {
    assert.equal(nflogEntryExpiresAt(1000, 3_600_000, 120 * 3_600_000), 1000 + 7_200_000);
    assert.equal(nflogEntryExpiresAt(1000, 100 * 3_600_000, 120 * 3_600_000), 1000 + 120 * 3_600_000);
  });
});
