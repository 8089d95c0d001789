import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabelSet } from '../../core/src';
import type { StoredAlert } from './alert';
import { refreshInPlace } from './refresh-in-place';

const T = Date.UTC(2026, 10, 24, 6, 0, 0);

function alert(overrides: Partial<StoredAlert> = {}): StoredAlert {
  return {
    labels: { alertname: 'A', instance: 'h1' },
    annotations: { summary: 's' },
    startsAt: T,
    endsAt: T + 240_000,
    generatorURL: 'http://prom/graph',
    updatedAt: T,
    timeout: false,
    fingerprint: '0000000000000001',
    ...overrides,
  };
}

describe('refreshInPlace', () => {
  test('returns the held object, reading as the new one', () => {
    const held = alert();
    const next = alert({ startsAt: T + 1, endsAt: T + 300_000, updatedAt: T + 60_000, timeout: true, generatorURL: 'http://prom/other', annotations: { summary: 'changed' } });
    const result = refreshInPlace(held, next);
    assert.equal(result, held);
    assert.deepEqual(result, next);
  });

  test('keeps the held label and annotation sets when they read the same', () => {
    const held = alert();
    const { labels, annotations } = held;
    refreshInPlace(held, alert({ labels: { instance: 'h1', alertname: 'A' }, annotations: { summary: 's' }, updatedAt: T + 60_000 }));
    assert.equal(held.labels, labels);
    assert.equal(held.annotations, annotations);
    assert.equal(held.updatedAt, T + 60_000);
  });

  test('takes the new sets when a value, a name or the number of entries differs', () => {
    const changed: LabelSet[] = [{ summary: 'other' }, { description: 's' }, { summary: 's', runbook: 'r' }, {}];
    for (const annotations of changed) {
      const held = alert();
      const next = alert({ annotations });
      refreshInPlace(held, next);
      assert.equal(held.annotations, next.annotations);
    }
    const held = alert();
    const next = alert({ labels: { alertname: 'A', instance: 'h2' } });
    refreshInPlace(held, next);
    assert.equal(held.labels, next.labels);
  });

  test('an alert refreshed with itself is unchanged', () => {
    const held = alert();
    assert.equal(refreshInPlace(held, held), held);
    assert.deepEqual(held, alert());
  });
});
