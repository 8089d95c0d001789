import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ANCHORED_REGEX_CACHE_LIMIT, anchoredRegexCacheSize, compileAnchoredRegex } from './regex';

describe('compileAnchoredRegex', () => {
  test('anchors the whole pattern', () => {
    const re = compileAnchoredRegex('a|b');
    assert.equal(re.test('a'), true);
    assert.equal(re.test('ab'), false);
  });

  test('the empty pattern matches only the empty string', () => {
    const re = compileAnchoredRegex('');
    assert.equal(re.test(''), true);
    assert.equal(re.test('x'), false);
  });

  test('hostile patterns run in linear time on a 100k-character value', () => {
    const value = 'a'.repeat(100_000) + '!';
    for (const pattern of ['(a+)+$', '(a|a)*b', '(a*)*b', '(.*a){20}', '(x+x+)+y']) {
      const re = compileAnchoredRegex(pattern);
      const started = process.hrtime.bigint();
      const matched = re.test(value);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.equal(matched, false, pattern);
      assert.ok(ms < 1000, `${pattern} took ${ms} ms`);
    }
  });

  test('returns the cached compilation for a repeated pattern', () => {
    assert.equal(compileAnchoredRegex('cached-[0-9]+'), compileAnchoredRegex('cached-[0-9]+'));
  });

  test('the cache is bounded and evicts the least recently used pattern', () => {
    const keep = compileAnchoredRegex('keep-me');
    const first = compileAnchoredRegex('evict-me');
    for (let i = 0; i < ANCHORED_REGEX_CACHE_LIMIT; i++) {
      compileAnchoredRegex(`filler-${i}`);
      if (i % 100 === 0) compileAnchoredRegex('keep-me'); // touch: stays recent
    }
    assert.ok(anchoredRegexCacheSize() <= ANCHORED_REGEX_CACHE_LIMIT);
    assert.equal(compileAnchoredRegex('keep-me'), keep);
    assert.notEqual(compileAnchoredRegex('evict-me'), first);
  });

  test('failed compilations throw the Go message and are not cached', () => {
    assert.throws(() => compileAnchoredRegex('[z-a]'), { message: 'error parsing regexp: invalid character class range: `z-a`' });
    assert.throws(() => compileAnchoredRegex('[z-a]'), { message: 'error parsing regexp: invalid character class range: `z-a`' });
  });
});
