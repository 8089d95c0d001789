// Header values as Go's mime.QEncoding.Encode("utf-8", v) writes them: unchanged when printable ASCII,
// else RFC 2047 encoded words of at most 75 characters. CR and LF are always encoded, so a value
// built from label values can never start a header of its own.
const MAX_WORD = 75;
const PREFIX = '=?utf-8?q?';
const SUFFIX = '?=';
const HEX = '0123456789ABCDEF';

export function encodeHeaderValue(value: string): string {
  if (!needsEncoding(value)) return value;
  const words: string[] = [];
  let word = '';
  for (const ch of value) {
    const encoded = encodeRune(ch);
    if (PREFIX.length + word.length + encoded.length + SUFFIX.length > MAX_WORD && word !== '') {
      words.push(PREFIX + word + SUFFIX);
      word = '';
    }
    word += encoded;
  }
  words.push(PREFIX + word + SUFFIX);
  return words.join(' ');
}

function needsEncoding(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 || c > 0x7e) && c !== 0x09) return true;
  }
  return false;
}

function encodeRune(ch: string): string {
  let out = '';
  for (const b of Buffer.from(ch, 'utf8')) {
    if (b === 0x20) out += '_';
    else if (b > 0x20 && b <= 0x7e && b !== 0x3d && b !== 0x3f && b !== 0x5f) out += String.fromCharCode(b);
    else out += '=' + HEX[b >> 4] + HEX[b & 0x0f];
  }
  return out;
}
