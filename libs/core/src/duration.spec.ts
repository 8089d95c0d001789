import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseDuration } from './duration';
import captured from './testdata/durations.json';

type DurationVector = { input: string; ok: true; formatted: string } | { input: string; ok: false; error: string };
const vectors = (captured as unknown as { vectors: DurationVector[] }).vectors;

describe('Prometheus durations: vectors from Alertmanager 0.25', () => {
  assert.ok(vectors.length > 40);
  for (const v of vectors) {
    if (v.ok) {
      test(`${JSON.stringify(v.input)} parses and re-prints as ${v.formatted}`, () => {
        assert.equal(formatDuration(parseDuration(v.input)), v.formatted);
        // The printed form parses back to the same value.
        assert.equal(parseDuration(v.formatted), parseDuration(v.input));
      });
    } else {
      test(`${JSON.stringify(v.input)} is rejected with ${v.error}`, () => {
        assert.throws(() => parseDuration(v.input), { message: v.error });
      });
    }
  }
});

describe('parseDuration', () => {
  test('returns milliseconds', () => {
    assert.equal(parseDuration('1h30m'), 5400000);
    assert.equal(parseDuration('1y'), 365 * 86400000);
    assert.equal(parseDuration('1w'), 7 * 86400000);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('0'), 0);
  });

  test('rejects values beyond what Go can hold', () => {
    assert.throws(() => parseDuration('300y'), { message: 'duration out of range' });
    assert.equal(parseDuration('292y'), 292 * 365 * 86400000);
  });
});

describe('formatDuration', () => {
  test('prints 0s for zero and truncates sub-millisecond fractions', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(0.4), '0s');
    assert.equal(formatDuration(1500.9), '1s500ms');
  });

  test('uses years and weeks only when exact', () => {
    assert.equal(formatDuration(14 * 86400000), '2w');
    assert.equal(formatDuration(15 * 86400000), '15d');
    assert.equal(formatDuration(730 * 86400000), '2y');
    assert.equal(formatDuration(731 * 86400000), '731d');
  });
});
