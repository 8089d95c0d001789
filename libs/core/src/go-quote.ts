// Go's strconv.Quote: double-quoted, with Go escapes for control and non-printable characters;
// printable Unicode is kept as is.
import { isGoPrint } from './go-chars';

const SHORT_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
  0x5c: '\\\\',
  0x22: '\\"',
};

export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    out += quoteCodePoint(cp);
  }
  return out + '"';
}

function quoteCodePoint(cp: number): string {
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  // A lone surrogate is what JSON "\ud800" decodes to in JS; Go's JSON decoder turns it into U+FFFD,
  // which is printable, and utf8Bytes() hashes it as U+FFFD too.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp <= 0xffff) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
