// JSON text as Go's encoding/json (json.Encoder, HTML escaping on, Go 1.22+) writes it.
import { compareUtf8 } from '../../core/src';

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Any character that `goJsonString` writes other than as itself (surrogates included, paired or not). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

function unicodeEscape(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

/**
 * A JSON string literal: `"`/`\` and \b \f \n \r \t escaped short, other control characters,
 * `<`, `>`, `&`, U+2028 and U+2029 as `\u00xx`; a lone surrogate (invalid UTF-8) becomes `\ufffd`.
 */
export function goJsonString(s: string): string {
  // Most strings (label names and values, URLs) need no escape: one native scan instead of a
  // loop that builds the literal a character at a time.
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += unicodeEscape(code);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += ch + s[i + 1];
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A `map[string]string` as Go marshals it: keys in byte order. */
export function goJsonStringMap(map: Record<string, string>): string {
  const keys = Object.keys(map).sort(compareUtf8);
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}${goJsonString(keys[i])}:${goJsonString(map[keys[i]])}`;
  return out + '}';
}
