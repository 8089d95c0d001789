// Character classes as Go's `unicode` package defines them.

/** Go's `unicode.IsSpace`: ASCII \t \n \v \f \r space, U+0085, U+00A0 and the Unicode Z spaces. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isGoPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  return GRAPHIC.test(String.fromCodePoint(cp));
}

const MATCHER_RESERVED = new Set(Array.from('{}!=~,\\"\'`', (c) => c.codePointAt(0) as number));

/** Characters that cannot appear in an unquoted name or value of the UTF-8 matcher syntax. */
export function isMatcherReserved(cp: number): boolean {
  return isGoSpace(cp) || MATCHER_RESERVED.has(cp);
}
