// Quoted-printable body encoding as Go's mime/quotedprintable.Writer (text mode) produces it:
// lines of at most 76 characters with "=" soft breaks, CRLF line ends, "=" and non-ASCII bytes as
// =XX, and whitespace before a line end encoded.
const LINE_MAX = 76;
const HEX = '0123456789ABCDEF';

export function encodeQuotedPrintable(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  let line = '';
  let cr = false;
  const flush = () => {
    out += line;
    line = '';
  };
  const crlf = () => {
    line += '\r\n';
    flush();
  };
  const softBreak = () => {
    line += '=';
    crlf();
  };
  const encode = (b: number) => {
    if (LINE_MAX - 1 - line.length < 3) softBreak();
    line += '=' + HEX[b >> 4] + HEX[b & 0x0f];
  };
  const encodeTrailingSpace = () => {
    const last = line.charCodeAt(line.length - 1);
    if (line.length > 0 && (last === 0x20 || last === 0x09)) {
      line = line.slice(0, -1);
      encode(last);
    }
  };
  for (const b of bytes) {
    if (b === 0x0a || b === 0x0d) {
      if (cr && b === 0x0a) {
        cr = false;
        continue;
      }
      cr = b === 0x0d;
      encodeTrailingSpace();
      crlf();
      continue;
    }
    cr = false;
    const literal = (b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20 || b === 0x09;
    if (!literal) {
      encode(b);
      continue;
    }
    if (line.length === LINE_MAX - 1) softBreak();
    line += String.fromCharCode(b);
  }
  encodeTrailingSpace();
  flush();
  return out;
}
