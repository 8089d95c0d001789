import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseUtf8Matcher, parseUtf8Matchers } from './utf8-matcher-parser';

const strings = (s: string) => parseUtf8Matchers(s).map((m) => `${m.name}|${m.type}|${m.value}`);

// Expected results and messages are those of Alertmanager's `matcher/parse` test suite, plus
// cases derived from its parser's rules (lexer errors are wrapped with the parser's expectation).
describe('parseUtf8Matchers: accepted inputs', () => {
  const cases: Array<[string, string[]]> = [
    ['', []],
    ['{}', []],
    ['{ }', []],
    ['{foo=bar}', ['foo|=|bar']],
    ['{foo=bar,}', ['foo|=|bar']],
    ['{foo!=bar}', ['foo|!=|bar']],
    ['{foo=~[a-z]+}', ['foo|=~|[a-z]+']],
    ['{foo!~[a-z]+}', ['foo|!~|[a-z]+']],
    ['{foo=🙂}', ['foo|=|🙂']],
    ['{foo=🙂bar}', ['foo|=|🙂bar']],
    ['foo=bar', ['foo|=|bar']],
    ['foo=bar,', ['foo|=|bar']],
    ['{"foo"="bar"}', ['foo|=|bar']],
    ['{"foo"!~"[a-z]+"}', ['foo|!~|[a-z]+']],
    ['{"foo"="\\xf0\\x9f\\x99\\x82"}', ['foo|=|🙂']],
    ['{"foo"="\\U0001f642"}', ['foo|=|🙂']],
    ['{"foo"="bar\\n"}', ['foo|=|bar\n']],
    ['{"foo"="bar\\t"}', ['foo|=|bar\t']],
    ['{"foo"="\\"bar\\""}', ['foo|=|"bar"']],
    ['{"foo"="bar\\\\"}', ['foo|=|bar\\']],
    ['"foo"="bar",', ['foo|=|bar']],
    ['{foo=bar,bar!=baz}', ['foo|=|bar', 'bar|!=|baz']],
    ['foo="bar",bar!="baz"', ['foo|=|bar', 'bar|!=|baz']],
    ['{foo=:"bar"}'.replace(':"bar"', ':'), ['foo|=|:']],
    ['"foo bar"="x y"', ['foo bar|=|x y']],
    ['änd-dash.dot=v', ['änd-dash.dot|=|v']],
    ['\u202ffoo\u202f=\u202fbar\u202f', ['foo|=|bar']],
    ['a=$', ['a|=|$']],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.deepEqual(strings(input), expected));
  }
});

describe('parseUtf8Matchers: errors', () => {
  const cases: Array<[string, string]> = [
    [',', '0:1: unexpected ,: expected label name'],
    ['{,}', '1:2: unexpected ,: expected label name'],
    ['{', '0:1: end of input: expected close brace'],
    ['}', '0:1: }: expected opening brace'],
    ['foo=bar}', '0:8: }: expected opening brace'],
    ['{foo=bar', '0:8: end of input: expected close brace'],
    ['{foo=:"bar"}', '6:11: unexpected "bar": expected a comma or close brace'],
    ['{foo="bar\\w"}', '5:12: "bar\\w": invalid input'],
    ['{foo=bar\\n}', '8:9: \\: invalid input: expected a comma or close brace'],
    ['{"foo"="\\xf0\\x9f"}', '7:17: "\\xf0\\x9f": invalid input'],
    ['foo', "end of input: expected an operator such as '=', '!=', '=~' or '!~'"],
    ['foo=', 'end of input: expected label value'],
    ['foo=bar baz', '8:11: unexpected baz: expected a comma or close brace'],
    ['foo=bar,,', '8:9: unexpected ,: expected a matcher or close brace after comma'],
    ['foo!bar', "3:4: !: expected one of '=~': expected an operator such as '=', '!=', '=~' or '!~'"],
    ['foo=bar!', "7:8: unexpected end of input, expected one of '=~': expected a comma or close brace"],
    ['~', '0:1: ~: invalid input'],
    ['foo="bar', '4:8: "bar: missing end ": expected label value'],
    ['foo=~"("', 'failed to create matcher: error parsing regexp: missing closing ): `^(?:()$`'],
    ['{foo=bar}}', '9:10: }: expected end of input'],
    ['{foo=bar} x', '10:11: x: expected end of input'],
    ['{}}', '2:3: }: expected end of input'],
    ['foo=\'bar\'', "4:5: ': invalid input: expected label value"],
    ['"foo\\z"=bar', '0:7: "foo\\z": invalid input'],
    ['"a\nb"=c', '0:5: "a\nb": invalid input'],
    // Columns count code points, not bytes or UTF-16 units.
    ['🙂Σ=a b', '5:6: unexpected b: expected a comma or close brace'],
  ];
  for (const [input, message] of cases) {
    test(JSON.stringify(input), () => assert.throws(() => parseUtf8Matchers(input), { message }));
  }
});

describe('parseUtf8Matcher', () => {
  test('returns the single matcher', () => {
    const m = parseUtf8Matcher('{foo=~"[a-z]+",}');
    assert.deepEqual([m.name, m.type, m.value], ['foo', '=~', '[a-z]+']);
  });

  test('rejects zero or several matchers', () => {
    assert.throws(() => parseUtf8Matcher(''), { message: 'no matchers' });
    assert.throws(() => parseUtf8Matcher('{}'), { message: 'no matchers' });
    assert.throws(() => parseUtf8Matcher('foo=bar,bar=baz'), { message: 'expected 1 matcher, found 2' });
    assert.throws(() => parseUtf8Matcher('foo="\\xf0\\x9f"'), { message: '4:14: "\\xf0\\x9f": invalid input' });
  });
});
