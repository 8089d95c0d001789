import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Matcher, compareMatchers, matchersToString, matchesLabels, sortMatchers } from './matcher';

describe('Matcher.matches', () => {
  test('= and != compare exactly', () => {
    assert.equal(Matcher.create('=', 'a', 'x').matches('x'), true);
    assert.equal(Matcher.create('=', 'a', 'x').matches('X'), false);
    assert.equal(Matcher.create('!=', 'a', 'x').matches('x'), false);
    assert.equal(Matcher.create('!=', 'a', 'x').matches('y'), true);
  });

  test('regexes are anchored at both ends', () => {
    const m = Matcher.create('=~', 'a', 'b.*');
    assert.equal(m.matches('bcd'), true);
    assert.equal(m.matches('abc'), false);
    assert.equal(Matcher.create('=~', 'a', 'x').matches('xx'), false);
  });

  test('alternation is grouped before anchoring', () => {
    const m = Matcher.create('=~', 'a', 'foo|bar');
    assert.equal(m.matches('foo'), true);
    assert.equal(m.matches('bar'), true);
    assert.equal(m.matches('foobar'), false);
    assert.equal(m.matches('xbar'), false);
  });

  test('$ does not match before a trailing newline (RE2, unlike Perl)', () => {
    assert.equal(Matcher.create('=~', 'a', 'x').matches('x\n'), false);
  });

  test('. does not match a newline unless (?s)', () => {
    assert.equal(Matcher.create('=~', 'a', 'a.b').matches('a\nb'), false);
    assert.equal(Matcher.create('=~', 'a', '(?s)a.b').matches('a\nb'), true);
  });

  test('RE2 flags and classes work: (?i), \\d, [[:alpha:]], \\pL', () => {
    assert.equal(Matcher.create('=~', 'a', '(?i)abc').matches('ABC'), true);
    assert.equal(Matcher.create('=~', 'a', '\\d+').matches('123'), true);
    assert.equal(Matcher.create('=~', 'a', '[[:alpha:]]+').matches('abc'), true);
    assert.equal(Matcher.create('=~', 'a', '\\pL+').matches('ÄÖü'), true);
  });

  test('. matches one code point, including astral characters', () => {
    assert.equal(Matcher.create('=~', 'a', '.').matches('😀'), true);
  });

  test('!~ negates the anchored regex', () => {
    const m = Matcher.create('!~', 'a', 'b.*');
    assert.equal(m.matches('bx'), false);
    assert.equal(m.matches('xb'), true);
  });

  test('create throws Go regexp errors for invalid patterns', () => {
    assert.throws(() => Matcher.create('=~', 'a', '('), { message: 'error parsing regexp: missing closing ): `^(?:()$`' });
    assert.throws(() => Matcher.create('!~', 'a', 'a**'), { message: 'error parsing regexp: invalid nested repetition operator: `**`' });
    // Perl lookarounds are not RE2.
    assert.throws(() => Matcher.create('=~', 'a', '(?=x)'), /error parsing regexp/);
  });

  test('= and != do not compile the value as a regex', () => {
    assert.equal(Matcher.create('=', 'a', '(').matches('('), true);
  });

  test('isRegex and isEqual reflect the API booleans', () => {
    const flags = (['=', '!=', '=~', '!~'] as const).map((t) => {
      const m = Matcher.create(t, 'a', 'x');
      return [m.isEqual, m.isRegex];
    });
    assert.deepEqual(flags, [[true, false], [false, false], [true, true], [false, true]]);
  });

  test('fromApi maps isRegex/isEqual (default true) to operators and toJSON maps back', () => {
    const ops = [
      Matcher.fromApi({ name: 'a', value: 'x', isRegex: false }),
      Matcher.fromApi({ name: 'a', value: 'x', isRegex: false, isEqual: false }),
      Matcher.fromApi({ name: 'a', value: 'x', isRegex: true, isEqual: true }),
      Matcher.fromApi({ name: 'a', value: 'x', isRegex: true, isEqual: false }),
    ].map((m) => m.type);
    assert.deepEqual(ops, ['=', '!=', '=~', '!~']);
    assert.equal(JSON.stringify(Matcher.create('!~', 'n', 'v')), '{"name":"n","value":"v","isRegex":true,"isEqual":false}');
    assert.throws(() => Matcher.fromApi({ name: 'a', value: '(', isRegex: true }), /missing closing \)/);
  });

  test('rejects an unknown operator', () => {
    assert.throws(() => Matcher.create('==' as never, 'a', 'x'), /unknown match type/);
  });
});

describe('matchesLabels', () => {
  test('all matchers must match', () => {
    const ms = [Matcher.create('=', 'a', '1'), Matcher.create('=~', 'b', '2|3')];
    assert.equal(matchesLabels(ms, { a: '1', b: '3' }), true);
    assert.equal(matchesLabels(ms, { a: '1', b: '4' }), false);
    assert.equal(matchesLabels([], { a: '1' }), true);
  });

  test('a missing label is the empty string', () => {
    assert.equal(matchesLabels([Matcher.create('=', 'foo', '')], {}), true);
    assert.equal(matchesLabels([Matcher.create('=~', 'foo', '.*')], {}), true);
    assert.equal(matchesLabels([Matcher.create('!=', 'foo', 'bar')], {}), true);
    assert.equal(matchesLabels([Matcher.create('=~', 'foo', '.+')], {}), false);
    assert.equal(matchesLabels([Matcher.create('!=', 'foo', '')], {}), false);
  });

  test('inherited object properties are not labels', () => {
    assert.equal(matchesLabels([Matcher.create('=', 'toString', '')], {}), true);
    assert.equal(matchesLabels([Matcher.create('=', 'constructor', '')], {}), true);
  });
});

describe('Matcher.toString', () => {
  test('escapes backslash, newline and double quote (OpenMetrics) and nothing else', () => {
    assert.equal(Matcher.create('=', 'a', 'x\\y\n"z"\tü').toString(), 'a="x\\\\y\\n\\"z\\"\tü"');
  });

  test('prints every operator', () => {
    assert.equal(Matcher.create('!~', 'a', '.+').toString(), 'a!~".+"');
    assert.equal(Matcher.create('!=', 'a', '').toString(), 'a!=""');
  });

  test('Go-quotes name and value when the name has a reserved character', () => {
    assert.equal(Matcher.create('=', 'foo bar', 'x\ty').toString(), '"foo bar"="x\\ty"');
    assert.equal(Matcher.create('=~', 'a,b', 'é\u00a0').toString(), '"a,b"=~"é\\u00a0"');
    assert.equal(Matcher.create('=', 'a\u202fb', 'v').toString(), '"a\\u202fb"="v"');
    for (const ch of ['{', '}', '!', '=', '~', ',', '\\', '"', "'", '`', '\n']) {
      assert.ok(Matcher.create('=', `x${ch}`, 'v').toString().startsWith('"x'), `reserved ${JSON.stringify(ch)}`);
    }
  });

  test('names with UTF-8 but no reserved characters stay unquoted', () => {
    assert.equal(Matcher.create('=', 'änd-dash.dot', 'v').toString(), 'änd-dash.dot="v"');
  });
});

describe('matchersToString', () => {
  test('joins with commas and no spaces inside braces', () => {
    assert.equal(matchersToString([Matcher.create('=', 'a', 'b'), Matcher.create('=~', 'c', 'd')]), '{a="b",c=~"d"}');
    assert.equal(matchersToString([]), '{}');
  });
});

describe('sortMatchers', () => {
  test('orders by name, then value, then operator = != =~ !~', () => {
    const ms = [
      Matcher.create('!~', 'a', 'x'),
      Matcher.create('=~', 'a', 'x'),
      Matcher.create('=', 'b', 'a'),
      Matcher.create('!=', 'a', 'x'),
      Matcher.create('=', 'a', 'x'),
      Matcher.create('=', 'a', 'w'),
    ];
    assert.equal(matchersToString(sortMatchers(ms)), '{a="w",a="x",a!="x",a=~"x",a!~"x",b="a"}');
  });

  test('compares in UTF-8 byte order', () => {
    const ms = [Matcher.create('=', 'a', '😀'), Matcher.create('=', 'a', '\uff21')];
    assert.deepEqual(sortMatchers(ms).map((m) => m.value), ['\uff21', '😀']);
    assert.ok(compareMatchers(ms[1], ms[0]) < 0);
  });

  test('does not modify its input', () => {
    const ms = [Matcher.create('=', 'b', '1'), Matcher.create('=', 'a', '1')];
    sortMatchers(ms);
    assert.equal(ms[0].name, 'b');
  });
});
