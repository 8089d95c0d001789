import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatGoRfc3339Nano, GO_ZERO_TIME_MS, isZeroTime } from './go-time';
import { goJsonString, goJsonStringMap } from './go-json';
import { quoteMeta } from './quote-meta';

describe('formatGoRfc3339Nano', () => {
  test('the zero time prints as Go prints it', () => {
    assert.equal(formatGoRfc3339Nano(GO_ZERO_TIME_MS), '0001-01-01T00:00:00Z');
  });
  test('trailing zeros of the fraction are trimmed; no fraction when whole seconds', () => {
    assert.equal(formatGoRfc3339Nano(Date.UTC(2026, 10, 24, 1, 45, 37, 52)), '2026-11-24T01:45:37.052Z');
    assert.equal(formatGoRfc3339Nano(Date.UTC(2026, 10, 24, 1, 45, 37, 500)), '2026-11-24T01:45:37.5Z');
    assert.equal(formatGoRfc3339Nano(Date.UTC(2026, 10, 24, 1, 45, 37, 0)), '2026-11-24T01:45:37Z');
  });
  test('sub-millisecond fractions are kept to the microsecond', () => {
    assert.equal(formatGoRfc3339Nano(Date.UTC(2026, 10, 24, 1, 45, 37, 52) + 0.889904), '2026-11-24T01:45:37.05289Z');
    assert.equal(formatGoRfc3339Nano(Date.UTC(2026, 10, 24, 1, 45, 37, 52) + 0.001), '2026-11-24T01:45:37.052001Z');
  });
  test('times formatted before (the recent ones are kept) print the same as the first time', () => {
    // More distinct times than are kept, twice over: every answer must be the time's own.
    const expected = (ms: number) => new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
    const times = Array.from({ length: 5000 }, (_, i) => Date.UTC(2026, 10, 24) + i * 1001);
    for (let pass = 0; pass < 2; pass++) for (const ms of times) assert.equal(formatGoRfc3339Nano(ms), expected(ms));
  });
  test('isZeroTime: undefined, null and the Go zero time; not the Unix epoch', () => {
    assert.deepEqual([isZeroTime(undefined), isZeroTime(null), isZeroTime(GO_ZERO_TIME_MS), isZeroTime(0)], [true, true, true, false]);
  });
});

describe('goJsonString', () => {
  test('HTML characters, U+2028/9 and control characters are \\u-escaped (lowercase hex)', () => {
    assert.equal(goJsonString('<a&b>\u2028\u2029\u0001\u001b'), '"\\u003ca\\u0026b\\u003e\\u2028\\u2029\\u0001\\u001b"');
  });
  test('short escapes for quote, backslash, \\b \\f \\n \\r \\t (Go 1.22+)', () => {
    assert.equal(goJsonString('"\\\b\f\n\r\t'), '"\\"\\\\\\b\\f\\n\\r\\t"');
  });
  test('every ASCII character, alone or amid plain text, is escaped as Go escapes it', () => {
    // Go writes what JSON.stringify writes for ASCII, but for <, > and &.
    const go = (s: string) => JSON.stringify(s).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    for (let code = 0; code < 0x80; code++) {
      const ch = String.fromCharCode(code);
      for (const s of [ch, `label ${ch}`, `${ch} value`, `a${ch}b`]) assert.equal(goJsonString(s), go(s), `code ${code} in ${JSON.stringify(s)}`);
    }
  });
  test('non-ASCII text is written as is; lone surrogates become \\ufffd', () => {
    assert.equal(goJsonString('é🙂'), '"é🙂"');
    assert.equal(goJsonString('a\uD800b\uDC00'), '"a\\ufffdb\\ufffd"');
  });
  test('maps are written with keys in byte order', () => {
    assert.equal(goJsonStringMap({ b: '1', '\uFF21': '2', '😀': '3', A: '4' }), '{"A":"4","b":"1","\uFF21":"2","😀":"3"}');
    assert.equal(goJsonStringMap({}), '{}');
  });
});

describe('quoteMeta', () => {
  test('escapes every RE2 metacharacter and nothing else', () => {
    assert.equal(quoteMeta('team-x.y'), 'team-x\\.y');
    assert.equal(quoteMeta('\\.+*?()|[]{}^$'), '\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$');
    assert.equal(quoteMeta('a-b_c d/é'), 'a-b_c d/é');
  });
});
