import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseClassicMatcher, parseClassicMatchers } from './classic-matcher-parser';

const parts = (s: string) => {
  const m = parseClassicMatcher(s);
  return [m.name, m.type, m.value];
};

describe('parseClassicMatcher', () => {
  test('accepts unquoted and quoted values with surrounding spaces', () => {
    assert.deepEqual(parts('foo=bar'), ['foo', '=', 'bar']);
    assert.deepEqual(parts('  foo  !=  "bar baz"  '), ['foo', '!=', 'bar baz']);
    assert.deepEqual(parts('foo=~ a b '), ['foo', '=~', 'a b']);
    assert.deepEqual(parts('foo!~'), ['foo', '!~', '']);
  });

  test('prefers =~ over = followed by ~', () => {
    assert.deepEqual(parts('foo=~x'), ['foo', '=~', 'x']);
    assert.deepEqual(parts('foo= ~x'), ['foo', '=', '~x']);
  });

  test('names follow [a-zA-Z_:][a-zA-Z0-9_:]*', () => {
    assert.deepEqual(parts('job:rate_5m=1'), ['job:rate_5m', '=', '1']);
    assert.throws(() => parseClassicMatcher('9a=1'), { message: 'bad matcher format: 9a=1' });
    assert.throws(() => parseClassicMatcher('a.b=1'), { message: 'bad matcher format: a.b=1' });
  });

  test('only RE2 \\s (tab, LF, FF, CR, space) is trimmed; vertical tab and NBSP are not', () => {
    assert.deepEqual(parts('\t\r\n\ffoo=bar\f'), ['foo', '=', 'bar']);
    assert.throws(() => parseClassicMatcher('foo\v=bar'), { message: 'bad matcher format: foo\v=bar' });
    assert.deepEqual(parts('foo=\u00a0bar\u00a0'), ['foo', '=', '\u00a0bar\u00a0']);
  });

  test('unescapes \\" \\n \\\\ and keeps other backslashes literal', () => {
    assert.deepEqual(parts('a="x\\"y\\nz\\\\w"'), ['a', '=', 'x"y\nz\\w']);
    assert.deepEqual(parts('a="\\d\\t"'), ['a', '=', '\\d\\t']);
    assert.deepEqual(parts('a=x\\'), ['a', '=', 'x\\']);
    assert.deepEqual(parts('a=\\n'), ['a', '=', '\n']);
  });

  test('rejects unescaped inner or unbalanced quotes', () => {
    assert.throws(() => parseClassicMatcher('a="x'), { message: 'matcher value contains unescaped double quote: "x' });
    assert.throws(() => parseClassicMatcher('a=x"'), { message: 'matcher value contains unescaped double quote: x"' });
    assert.throws(() => parseClassicMatcher('a="x"y"'), { message: 'matcher value contains unescaped double quote: "x"y"' });
    assert.throws(() => parseClassicMatcher('a="'), { message: 'matcher value contains unescaped double quote: "' });
  });

  test('rejects values that are not valid UTF-8', () => {
    assert.throws(() => parseClassicMatcher('a=x\ud800'), { message: 'matcher value not valid UTF-8: x\ud800' });
  });

  test('reports regex compile errors as Go does', () => {
    assert.throws(() => parseClassicMatcher('a=~"("'), { message: 'error parsing regexp: missing closing ): `^(?:()$`' });
  });

  test('a long run of spaces before a non-space does not take quadratic time', () => {
    const input = 'a=' + ' '.repeat(200_000) + 'x' + ' '.repeat(200_000) + 'y';
    const started = Date.now();
    assert.equal(parseClassicMatcher(input).value.length, 200_002);
    assert.ok(Date.now() - started < 1000);
  });
});

describe('parseClassicMatchers', () => {
  const strings = (s: string) => parseClassicMatchers(s).map((m) => m.toString());

  test('splits on commas outside quotes and strips one pair of braces', () => {
    assert.deepEqual(strings('{a=1, b="x,y" ,c!=3}'), ['a="1"', 'b="x,y"', 'c!="3"']);
    assert.deepEqual(strings('{a=1'), ['a="1"']);
    assert.deepEqual(strings('a=1}'), ['a="1"']);
  });

  test('ignores a trailing comma and returns [] for empty input', () => {
    assert.deepEqual(strings('a=1, '), ['a="1"']);
    assert.deepEqual(strings(''), []);
    assert.deepEqual(strings('{}'), []);
    assert.deepEqual(strings('  '), []);
  });

  test('an empty element between commas is a bad matcher', () => {
    assert.throws(() => parseClassicMatchers('a=1,,b=2'), { message: 'bad matcher format: ' });
    assert.throws(() => parseClassicMatchers(',a=1'), { message: 'bad matcher format: ' });
  });

  test('an escaped quote does not toggle quoting', () => {
    assert.deepEqual(strings('a="x\\",y",b=2'), ['a="x\\",y"', 'b="2"']);
  });

  test('only one brace on each side is stripped', () => {
    assert.throws(() => parseClassicMatchers('{{a=1}}'), { message: 'bad matcher format: {a=1}' });
  });
});
