import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compareUtf8, isWellFormedUtf16, utf8Bytes } from './utf8';
import { isGoPrint, isGoSpace, isMatcherReserved } from './go-chars';
import { isValidLabelName, isValidLegacyLabelName } from './labels';

describe('compareUtf8', () => {
  test('orders like UTF-8 bytes (Buffer.compare is the oracle)', () => {
    const samples = ['', 'a', 'A', '_', 'ab', 'a\u0000', 'é', 'z', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uff21', '\uffff', '😀', '𝄞', '\u{10ffff}', 'a😀', 'a\uffff'];
    for (const a of samples) {
      for (const b of samples) {
        const oracle = Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
        assert.equal(Math.sign(compareUtf8(a, b)), oracle, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
  });

  test('differs from default JS ordering for astral vs U+E000-U+FFFF', () => {
    assert.ok('😀' < '\uff21');
    assert.ok(compareUtf8('😀', '\uff21') > 0);
  });
});

describe('utf8 helpers', () => {
  test('utf8Bytes encodes code points', () => {
    assert.deepEqual([...utf8Bytes('é😀')], [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  });

  test('isWellFormedUtf16 detects lone surrogates', () => {
    assert.equal(isWellFormedUtf16('a😀b'), true);
    assert.equal(isWellFormedUtf16('a\ud83d'), false);
    assert.equal(isWellFormedUtf16('\ude00a'), false);
    assert.equal(isWellFormedUtf16('\ud83d\ud83d'), false);
  });
});

describe('label names', () => {
  test('legacy names are [a-zA-Z_][a-zA-Z0-9_]*', () => {
    for (const ok of ['a', '_', 'A9', '__name__', 'alert_name']) assert.equal(isValidLegacyLabelName(ok), true, ok);
    for (const bad of ['', '9a', 'a-b', 'a:b', 'a.b', 'é', 'a b']) assert.equal(isValidLegacyLabelName(bad), false, bad);
  });

  test('fallback/UTF-8 names are any non-empty valid UTF-8', () => {
    for (const ok of ['a', 'a-b', 'a:b', '9', 'é', 'a b', '😀', '{}']) assert.equal(isValidLabelName(ok), true, ok);
    for (const bad of ['', '\ud800', 'a\udc00']) assert.equal(isValidLabelName(bad), false, JSON.stringify(bad));
  });
});

describe('Go character classes', () => {
  test('isGoSpace is unicode.IsSpace (no U+FEFF or U+200B)', () => {
    for (const cp of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
      assert.equal(isGoSpace(cp), true, cp.toString(16));
    }
    for (const cp of [0x08, 0x0e, 0x1c, 0x200b, 0xfeff, 0x41]) assert.equal(isGoSpace(cp), false, cp.toString(16));
  });

  test('isGoPrint keeps graphic characters and ASCII space only', () => {
    for (const ch of [' ', 'a', '~', 'é', '€', '\ufffd', '😀', '\u0301']) assert.equal(isGoPrint(ch.codePointAt(0) as number), true, ch);
    for (const cp of [0x00, 0x1f, 0x7f, 0x85, 0xa0, 0xad, 0x200b, 0x2028, 0xe000, 0xffff, 0xe0001]) {
      assert.equal(isGoPrint(cp), false, cp.toString(16));
    }
  });

  test('isMatcherReserved covers spaces and {}!=~,\\"\'`', () => {
    for (const ch of [...'{}!=~,\\"\'`', ' ', '\u3000']) assert.equal(isMatcherReserved(ch.codePointAt(0) as number), true, ch);
    for (const ch of ['a', '-', '.', ':', '$', '😀']) assert.equal(isMatcherReserved(ch.codePointAt(0) as number), false, ch);
  });
});
