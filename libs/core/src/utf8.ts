// UTF-8 helpers: Alertmanager (Go) compares, sorts and hashes strings as UTF-8 bytes, while
// JavaScript strings are UTF-16. These helpers bridge the two without allocating where possible.

const encoder = new TextEncoder();

/** The UTF-8 bytes of `s` (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** True when `s` has no lone surrogate, i.e. it is representable as valid UTF-8. */
export function isWellFormedUtf16(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * Compares two strings in UTF-8 byte order (== Unicode code point order), like Go's `a < b`.
 * Plain JS comparison uses UTF-16 code units, which puts astral characters (surrogates,
 * 0xD800-0xDFFF) before U+E000-U+FFFF; this corrects that case.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = remapForCodePointOrder(x);
      y = remapForCodePointOrder(y);
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function remapForCodePointOrder(unit: number): number {
  // Surrogates encode code points >= U+10000, so they must sort after U+E000-U+FFFF.
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}
