import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GO_ZERO_TIME_MS } from '../../../../../libs/dispatch/src';
import { formatApiTime, parseApiTime } from './api-time';

test('parseApiTime reads RFC3339 with offsets and fractions, and the zero time', () => {
  assert.equal(parseApiTime('2020-01-01T02:00:00+02:00'), Date.UTC(2020, 0, 1, 0, 0, 0));
  assert.equal(parseApiTime('2020-01-01T00:00:00.25Z'), Date.UTC(2020, 0, 1) + 250);
  assert.equal(parseApiTime('2026-11-24T01:45:37.052889904Z'), Date.UTC(2026, 10, 24, 1, 45, 37) + 52.889904);
  assert.equal(parseApiTime('0001-01-01T00:00:00.000Z'), GO_ZERO_TIME_MS);
});

test('parseApiTime rejects other text with Go strfmt wording', () => {
  assert.throws(() => parseApiTime('xx'), { message: 'parsing time "xx" as "2006-01-02 15:04:05": cannot parse "xx" as "2006"' });
  assert.throws(() => parseApiTime('2020-13-01T00:00:00Z'));
});

test('formatApiTime prints milliseconds in UTC, the zero time as clients expect', () => {
  assert.equal(formatApiTime(Date.UTC(2026, 10, 24, 1, 46, 37, 52) + 0.9), '2026-11-24T01:46:37.052Z');
  assert.equal(formatApiTime(GO_ZERO_TIME_MS), '0001-01-01T00:00:00.000Z');
});
