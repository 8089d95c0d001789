import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseMatcher, parseMatcherDetailed, parseMatchers, parseMatchersDetailed } from './parse-matchers';

const show = (ms: { toString(): string }[]) => ms.map(String).join(',');

describe('parseMatchers in fallback mode', () => {
  test('uses the UTF-8 parser when it succeeds and both agree', () => {
    const r = parseMatchersDetailed('{foo="bar", baz=~"a.*"}');
    assert.equal(r.outcome, 'utf8');
    assert.equal(show(r.result), 'foo="bar",baz=~"a.*"');
  });

  test('falls back to the classic parser when the UTF-8 parser fails', () => {
    const r = parseMatchersDetailed('foo=bar baz');
    assert.equal(r.outcome, 'classic-fallback');
    assert.equal(show(r.result), 'foo="bar baz"');
    assert.equal(r.utf8Error, '8:11: unexpected baz: expected a comma or close brace');
  });

  test('uses the classic result when both succeed but disagree', () => {
    // Classic keeps \x escapes literal; the UTF-8 parser decodes them.
    const r = parseMatchersDetailed('foo="\\xf0\\x9f\\x99\\x82"');
    assert.equal(r.outcome, 'disagreement');
    assert.equal(r.result[0].value, '\\xf0\\x9f\\x99\\x82');
  });

  test('accepts UTF-8-only syntax the classic parser rejects', () => {
    assert.equal(show(parseMatchers('"foo bar"="baz"')), '"foo bar"="baz"');
    assert.equal(show(parseMatchers('a-b=c')), 'a-b="c"');
    assert.equal(show(parseMatchers('fooé=bar')), 'fooé="bar"');
  });

  test('reports the classic error when both parsers fail', () => {
    assert.throws(() => parseMatchers('foo'), { message: 'bad matcher format: foo' });
    assert.throws(() => parseMatchers('foo=~"("'), { message: 'error parsing regexp: missing closing ): `^(?:()$`' });
    assert.throws(() => parseMatchers('foo="bar'), { message: 'matcher value contains unescaped double quote: "bar' });
  });

  test('classic-only inputs still parse: unquoted empty values and colons in names', () => {
    assert.equal(show(parseMatchers('foo=')), 'foo=""');
    assert.equal(show(parseMatchers('job:rate=1')), 'job:rate="1"');
  });
});

describe("fallback cases from Alertmanager's matcher/compat tests", () => {
  const triples = (ms: { name: string; type: string; value: string }[]) => ms.map((m) => [m.name, m.type, m.value]);

  test('single matchers', () => {
    assert.deepEqual(triples([parseMatcher('foo🙂=bar')]), [['foo🙂', '=', 'bar']]);
    assert.deepEqual(triples([parseMatcher('foo=!bar\\n')]), [['foo', '=', '!bar\n']]);
    assert.throws(() => parseMatcher('foo!bar'), { message: 'bad matcher format: foo!bar' });
  });

  test('lists', () => {
    assert.deepEqual(triples(parseMatchers('{foo🙂=bar,bar=baz🙂}')), [['foo🙂', '=', 'bar'], ['bar', '=', 'baz🙂']]);
    assert.deepEqual(triples(parseMatchers('{foo=!bar,bar=$baz\\n}')), [['foo', '=', '!bar'], ['bar', '=', '$baz\n']]);
    assert.throws(() => parseMatchers('{foo!bar}'), { message: 'bad matcher format: foo!bar' });
    assert.deepEqual(triples(parseMatchers('{foo="\\xf0\\x9f\\x99\\x82"}')), [['foo', '=', '\\xf0\\x9f\\x99\\x82']]);
  });
});

describe('parseMatchers in other modes', () => {
  test('utf8-strict mode reports UTF-8 parser errors and never falls back', () => {
    assert.throws(() => parseMatchers('foo=bar baz', 'utf8-strict'), { message: '8:11: unexpected baz: expected a comma or close brace' });
    assert.equal(parseMatchers('foo="\\xf0\\x9f\\x99\\x82"', 'utf8-strict')[0].value, '🙂');
  });

  test('classic mode rejects UTF-8 syntax', () => {
    assert.throws(() => parseMatchers('"foo"="bar"', 'classic'), { message: 'bad matcher format: "foo"="bar"' });
  });
});

describe('parseMatcher (API filter values)', () => {
  test('rejects a leading { or trailing } outright', () => {
    assert.throws(() => parseMatcher('{foo=bar}'), { message: 'unexpected open or close brace: {foo=bar}' });
    assert.throws(() => parseMatcher('foo=bar}'), { message: 'unexpected open or close brace: foo=bar}' });
    assert.throws(() => parseMatcher('{foo=bar', 'utf8-strict'), { message: 'unexpected open or close brace: {foo=bar' });
  });

  test('classic mode keeps 0.25 behaviour for braces', () => {
    assert.equal(parseMatcher('foo=bar}', 'classic').value, 'bar}');
  });

  test('several matchers fall back to one classic matcher with a comma in its value', () => {
    const r = parseMatcherDetailed('foo=bar,baz=qux');
    assert.equal(r.outcome, 'classic-fallback');
    assert.equal(r.result.value, 'bar,baz=qux');
  });

  test('parses a single UTF-8 matcher', () => {
    const r = parseMatcherDetailed('"foo bar"=~"x|y"');
    assert.equal(r.outcome, 'utf8');
    assert.deepEqual([r.result.name, r.result.type, r.result.value], ['foo bar', '=~', 'x|y']);
  });

  test('the empty string is a classic error', () => {
    assert.throws(() => parseMatcher(''), { message: 'bad matcher format: ' });
  });
});
