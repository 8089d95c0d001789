// Reads a delivered email in tests: unfolded headers (RFC 2047 words decoded), and the parts of a
// multipart body with quoted-printable decoded.
export interface ParsedPart {
  headers: Array<[string, string]>;
  rawBody: string;
  body: string;
}

export interface ParsedMail {
  /** Header lines as sent, in order. */
  headerLines: string[];
  header(name: string): string | undefined;
  headerNames: string[];
  parts: ParsedPart[];
}

export function parseMail(raw: string): ParsedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerLines = raw.slice(0, split).replace(/\r\n[ \t]/g, ' ').split('\r\n');
  const headers = headerLines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
  const header = (name: string) => {
    const found = headers.find(([n]) => n.toLowerCase() === name.toLowerCase());
    return found ? decodeWords(found[1]) : undefined;
  };
  const boundary = /boundary=([^\s;]+)/.exec(header('Content-Type') ?? '')?.[1];
  const body = raw.slice(split + 4);
  const parts: ParsedPart[] = [];
  if (boundary) {
    const sections = body.split(`--${boundary}`);
    for (const section of sections.slice(1, -1)) {
      const text = section.replace(/^\r\n/, '').replace(/\r\n$/, '');
      const end = text.indexOf('\r\n\r\n');
      const partHeaders = text.slice(0, end).split('\r\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
      const rawBody = text.slice(end + 4);
      parts.push({ headers: partHeaders, rawBody, body: decodeQuotedPrintable(rawBody) });
    }
  }
  return { headerLines, header, headerNames: headers.map(([n]) => n), parts };
}

export function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?q\?([^?]*)\?=( (?==\?utf-8\?q\?))?/gi, (_, word: string) => {
    const bytes: number[] = [];
    for (let i = 0; i < word.length; i++) {
      if (word[i] === '_') bytes.push(0x20);
      else if (word[i] === '=') {
        bytes.push(parseInt(word.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(word.charCodeAt(i));
    }
    return Buffer.from(bytes).toString('utf8');
  });
}
