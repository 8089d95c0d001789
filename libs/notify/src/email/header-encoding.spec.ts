import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeHeaderValue } from './header-encoding';

describe('encodeHeaderValue (Go mime.QEncoding)', () => {
  it('leaves printable ASCII and tabs alone', () => {
    assert.equal(encodeHeaderValue('[FIRING:1] Disk (a=b?_c)\t!'), '[FIRING:1] Disk (a=b?_c)\t!');
  });

  it('encodes the whole value when any byte needs it, with _ for space and =XX for = ? _', () => {
    assert.equal(encodeHeaderValue('ä b=c?d_e'), '=?utf-8?q?=C3=A4_b=3Dc=3Fd=5Fe?=');
    assert.equal(encodeHeaderValue('a\r\nBcc: x'), '=?utf-8?q?a=0D=0ABcc:_x?=');
  });

  it('splits into words of at most 75 characters, never inside a character', () => {
    const encoded = encodeHeaderValue('é'.repeat(40));
    const words = encoded.split(' ');
    assert.ok(words.length > 1);
    for (const w of words) {
      assert.ok(w.length <= 75, w);
      assert.match(w, /^=\?utf-8\?q\?(=C3=A9)+\?=$/);
    }
    assert.equal(words.join('').match(/=C3=A9/g)!.length, 40);
  });
});
