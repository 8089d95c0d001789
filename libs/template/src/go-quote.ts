// strconv.Quote: Go's double-quoted string literal syntax.

function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  // Unicode separators other than the ASCII space are not printable for Go.
  if (cp === 0x2028 || cp === 0x2029 || cp === 0x200b || cp === 0xfeff) return false;
  return true;
}

const SIMPLE: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\',
};

export function quoteGo(s: string, quote = '"', asciiOnly = false): string {
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote) out += '\\' + ch;
    else if (SIMPLE[ch] !== undefined) out += SIMPLE[ch];
    else if (cp === 0xfffd && ch !== '\ufffd') out += '\\ufffd';
    else if (isPrintable(cp) && (!asciiOnly || cp < 0x80)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}
