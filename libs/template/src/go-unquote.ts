// strconv.Unquote for the string and character literals templates accept.

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** Decodes the escapes inside a "..." or '...' literal (without the quotes). */
function decodeEscapes(body: string, quote: string): string {
  const bytes: number[] = [];
  const pushText = (s: string) => bytes.push(...Buffer.from(s, 'utf8'));
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      if (c === quote) throw new Error('invalid syntax');
      pushText(c);
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new Error('invalid syntax');
    if (SIMPLE_ESCAPES[e] !== undefined) pushText(SIMPLE_ESCAPES[e]);
    else if (e === quote) pushText(e);
    else if (e === 'x') {
      const h = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new Error('invalid syntax');
      bytes.push(parseInt(h, 16));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const h = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw new Error('invalid syntax');
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Error('invalid syntax');
      pushText(String.fromCodePoint(cp));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const o = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new Error('invalid syntax');
      bytes.push(parseInt(o, 8));
      i += 2;
    } else throw new Error('invalid syntax');
  }
  return Buffer.from(bytes).toString('utf8');
}

export function unquoteString(lit: string): string {
  if (lit.startsWith('`')) return lit.slice(1, -1).replace(/\r/g, '');
  if (lit.length < 2 || !lit.startsWith('"') || !lit.endsWith('"')) throw new Error('invalid syntax');
  return decodeEscapes(lit.slice(1, -1), '"');
}

export function unquoteChar(lit: string): number {
  const s = decodeEscapes(lit.slice(1, -1), "'");
  const cps = [...s];
  if (cps.length !== 1) throw new Error(`malformed character constant: ${lit}`);
  return cps[0].codePointAt(0)!;
}
