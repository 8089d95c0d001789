import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatGoDuration, formatGoDurationNs, parseGoDuration, parseGoDurationNs } from './go-duration';

// Expectations follow Go's time package documentation and behaviour of time.ParseDuration /
// Duration.String (e.g. "1h15m30.918273645s", "2h45m0s").
describe('parseGoDuration', () => {
  const cases: Array<[string, bigint]> = [
    ['0', 0n],
    ['5s', 5000000000n],
    ['30s', 30000000000n],
    ['1478s', 1478000000000n],
    ['-5s', -5000000000n],
    ['+5s', 5000000000n],
    ['-0', 0n],
    ['5.0s', 5000000000n],
    ['5.6s', 5600000000n],
    ['5.s', 5000000000n],
    ['.5s', 500000000n],
    ['1.0s', 1000000000n],
    ['1.004s', 1004000000n],
    ['1.0040s', 1004000000n],
    ['100.00100s', 100001000000n],
    ['10ns', 10n],
    ['11us', 11000n],
    ['12µs', 12000n],
    ['12μs', 12000n],
    ['13ms', 13000000n],
    ['14s', 14000000000n],
    ['15m', 900000000000n],
    ['16h', 57600000000000n],
    ['3h30m', 12600000000000n],
    ['10.5s4m', 250500000000n],
    ['-2m3.4s', -123400000000n],
    ['1h2m3s4ms5us6ns', 3723004005006n],
    ['39h9m14.425s', 140954425000000n],
    ['52763797000ns', 52763797000n],
    ['0.3333333333333333333h', 1200000000000n],
    ['9007199254740993ns', 9007199254740993n],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
  ];
  for (const [input, ns] of cases) {
    test(`${input} = ${ns}ns`, () => assert.equal(parseGoDurationNs(input), ns));
  }

  test('returns milliseconds', () => {
    assert.equal(parseGoDuration('1m30s'), 90000);
    assert.equal(parseGoDuration('500ms'), 500);
    assert.equal(parseGoDuration('1.5h'), 5400000);
    assert.equal(parseGoDuration('1500us'), 1.5);
  });

  const errors: Array<[string, string]> = [
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['1h 30m', 'time: unknown unit "h " in duration "1h 30m"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ];
  for (const [input, message] of errors) {
    test(`${JSON.stringify(input)} fails with ${message}`, () => assert.throws(() => parseGoDuration(input), { message }));
  }
});

describe('formatGoDuration', () => {
  const cases: Array<[bigint, string]> = [
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2200000n, '2.2ms'],
    [3300000000n, '3.3s'],
    [240000000000n, '4m0s'],
    [270000000000n, '4m30s'],
    [3723004005006n, '1h2m3.004005006s'],
    [9000000000000n, '2h30m0s'],
    [4518930918273645n, '1255h15m30.918273645s'],
    [-1n, '-1ns'],
    [-1100n, '-1.1µs'],
    [-90000000000n, '-1m30s'],
    [9223372036854775807n, '2562047h47m16.854775807s'],
    [-9223372036854775808n, '-2562047h47m16.854775808s'],
  ];
  for (const [ns, text] of cases) {
    test(`${ns}ns prints as ${text}`, () => assert.equal(formatGoDurationNs(ns), text));
  }

  test('accepts milliseconds', () => {
    assert.equal(formatGoDuration(90000), '1m30s');
    assert.equal(formatGoDuration(500), '500ms');
    assert.equal(formatGoDuration(5400000), '1h30m0s');
    assert.equal(formatGoDuration(0), '0s');
    assert.equal(formatGoDuration(0.0015), '1.5µs');
  });

  test('round-trips through parseGoDuration', () => {
    for (const s of ['1h2m3.004005006s', '4m30s', '1.1µs', '-1m30s']) {
      assert.equal(formatGoDurationNs(parseGoDurationNs(s)), s);
    }
  });
});
