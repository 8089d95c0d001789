// Go's strconv.Unquote for double-quoted string literals, followed by a UTF-8 validity check.
// Byte escapes (\xNN, \NNN) may combine into multi-byte characters: "\xf0\x9f\x99\x82" is 🙂.
import { isWellFormedUtf16, utf8Bytes } from './utf8';

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Returns the unquoted string, or undefined when `literal` is not a valid Go "…" literal. */
export function goUnquote(literal: string): string | undefined {
  if (literal.length < 2 || literal[0] !== '"' || literal[literal.length - 1] !== '"') return undefined;
  const body = literal.slice(1, -1);
  if (!isWellFormedUtf16(body) || body.includes('\n')) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const ch = body[i];
    if (ch === '"') return undefined;
    if (ch !== '\\') {
      const cp = body.codePointAt(i) as number;
      const text = String.fromCodePoint(cp);
      for (const b of utf8Bytes(text)) bytes.push(b);
      i += text.length;
      continue;
    }
    const consumed = readEscape(body, i + 1, bytes);
    if (consumed === undefined) return undefined;
    i += 1 + consumed;
  }
  try {
    return strictDecoder.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/** Appends the bytes of the escape starting at body[at] (after the backslash); returns its length. */
function readEscape(body: string, at: number, out: number[]): number | undefined {
  const c = body[at];
  if (c === undefined) return undefined;
  if (SIMPLE[c] !== undefined) {
    out.push(SIMPLE[c]);
    return 1;
  }
  if (c === 'x') return readHexByte(body.slice(at + 1, at + 3), out, 3);
  if (c >= '0' && c <= '7') {
    const digits = body.slice(at, at + 3);
    if (!/^[0-7]{3}$/.test(digits)) return undefined;
    const v = parseInt(digits, 8);
    if (v > 255) return undefined;
    out.push(v);
    return 3;
  }
  if (c === 'u' || c === 'U') {
    const width = c === 'u' ? 4 : 8;
    const digits = body.slice(at + 1, at + 1 + width);
    if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) return undefined;
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    for (const b of utf8Bytes(String.fromCodePoint(cp))) out.push(b);
    return 1 + width;
  }
  return undefined;
}

function readHexByte(digits: string, out: number[], length: number): number | undefined {
  if (!/^[0-9a-fA-F]{2}$/.test(digits)) return undefined;
  out.push(parseInt(digits, 16));
  return length;
}
