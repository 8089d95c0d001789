import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { goQuote } from './go-quote';
import { goUnquote } from './go-unquote';

// Expectations follow Go's strconv.Quote / strconv.Unquote.
describe('goQuote', () => {
  const cases: Array<[string, string]> = [
    ['', '""'],
    ['abc', '"abc"'],
    ['"\\', '"\\"\\\\"'],
    ['\u0007\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\u0000\u001b\u007f', '"\\x00\\x1b\\x7f"'],
    ['é東京🙂', '"é東京🙂"'],
    ['\u00a0\u00ad\u200b\u2028\ufeff', '"\\u00a0\\u00ad\\u200b\\u2028\\ufeff"'],
    ['\u0085', '"\\u0085"'],
    ['\ue000\uffff', '"\\ue000\\uffff"'],
    ['\ufffd', '"\ufffd"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['\u{f0000}', '"\\U000f0000"'],
    ["'", '"\'"'],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.equal(goQuote(input), expected));
  }

  test('a lone surrogate prints as U+FFFD, as Go holds it after JSON decoding', () => {
    assert.equal(goQuote('a\ud800b'), '"a\ufffdb"');
  });
});

describe('goUnquote', () => {
  const cases: Array<[string, string | undefined]> = [
    ['""', ''],
    ['"abc"', 'abc'],
    ['"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', '\u0007\b\f\n\r\t\v\\"'],
    ['"\\x41\\101\\u00e9\\U0001F642"', 'AAé🙂'],
    ['"\\xf0\\x9f\\x99\\x82"', '🙂'],
    ['"\\xf0\\x9f"', undefined],
    ['"\\400"', undefined],
    ['"\\ud800"', undefined],
    ['"\\U00110000"', undefined],
    ["\"\\'\"", undefined],
    ['"\\q"', undefined],
    ['"\\x4"', undefined],
    ['"a\nb"', undefined],
    ['"a"b"', undefined],
    ['abc', undefined],
    ['"', undefined],
    ["'a'", undefined],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.equal(goUnquote(input), expected));
  }

  test('round-trips goQuote output', () => {
    for (const s of ['', 'x"y\\z', '\u0000\u00a0é🙂\n\t', '\u{e0001}']) assert.equal(goUnquote(goQuote(s)), s);
  });
});
