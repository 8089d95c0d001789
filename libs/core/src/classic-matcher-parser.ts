// The classic matcher parser (Alertmanager `pkg/labels` / `matcher/oldparse`): tolerant input,
// legacy label names (which may contain ':'), optionally quoted values with OpenMetrics escapes.
// Implemented with a hand-written scanner rather than a backtracking RegExp, so long inputs
// cannot cause quadratic work.
import { Matcher, MatchType } from './matcher';
import { isWellFormedUtf16 } from './utf8';
import { isGoSpace } from './go-chars';

/** Go regexp `\s`: tab, newline, form feed, carriage return, space (not \v). */
function isRe2Space(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

function isNameStart(ch: string | undefined): boolean {
  return ch !== undefined && /^[a-zA-Z_:]$/.test(ch);
}

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[a-zA-Z0-9_:]$/.test(ch);
}

const OPERATORS: readonly MatchType[] = ['=~', '=', '!=', '!~'];

interface Parts {
  name: string;
  type: MatchType;
  rawValue: string;
}

/** Splits `name op value` like `^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*((?s).*?)\s*$`. */
function splitMatcher(s: string): Parts | undefined {
  let i = 0;
  while (isRe2Space(s[i])) i++;
  const nameStart = i;
  if (!isNameStart(s[i])) return undefined;
  i++;
  while (isNameChar(s[i])) i++;
  const name = s.slice(nameStart, i);
  while (isRe2Space(s[i])) i++;
  const type = OPERATORS.find((op) => s.startsWith(op, i));
  if (type === undefined) return undefined;
  i += type.length;
  while (isRe2Space(s[i])) i++;
  let end = s.length;
  while (end > i && isRe2Space(s[end - 1])) end--;
  return { name, type, rawValue: s.slice(i, end) };
}

/** Parses exactly one classic matcher, e.g. `foo = "bar"`, `foo=~ba.*`, `foo=`. */
export function parseClassicMatcher(s: string): Matcher {
  const parts = splitMatcher(s);
  if (parts === undefined) throw new Error(`bad matcher format: ${s}`);
  const value = unescapeClassicValue(parts.rawValue);
  return Matcher.create(parts.type, parts.name, value);
}

function unescapeClassicValue(raw: string): string {
  let body = raw;
  let expectTrailingQuote = false;
  if (body.startsWith('"')) {
    body = body.slice(1);
    expectTrailingQuote = true;
  }
  if (!isWellFormedUtf16(body)) throw new Error(`matcher value not valid UTF-8: ${raw}`);
  let out = '';
  let escaped = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (escaped) {
      escaped = false;
      if (ch === 'n') out += '\n';
      else if (ch === '"' || ch === '\\') out += ch;
      else out += '\\' + ch; // a spurious escape keeps its backslash
      continue;
    }
    if (ch === '\\') {
      if (i < body.length - 1) escaped = true;
      else out += '\\';
    } else if (ch === '"') {
      if (!expectTrailingQuote || i < body.length - 1) {
        throw new Error(`matcher value contains unescaped double quote: ${raw}`);
      }
      expectTrailingQuote = false;
    } else {
      out += ch;
    }
  }
  if (expectTrailingQuote) throw new Error(`matcher value contains unescaped double quote: ${raw}`);
  return out;
}

/**
 * Parses a comma-separated list of classic matchers. One leading `{` and one trailing `}` are
 * dropped; commas inside double quotes (not preceded by an escaping backslash) do not split;
 * a trailing comma is ignored.
 */
export function parseClassicMatchers(input: string): Matcher[] {
  let s = input.startsWith('{') ? input.slice(1) : input;
  if (s.endsWith('}')) s = s.slice(0, -1);
  const tokens: string[] = [];
  let insideQuotes = false;
  let escaped = false;
  let token = '';
  for (const ch of s) {
    if (ch === ',') {
      if (!insideQuotes) {
        tokens.push(token);
        token = '';
        continue;
      }
    } else if (ch === '"') {
      if (!escaped) insideQuotes = !insideQuotes;
      else escaped = false;
    } else if (ch === '\\') {
      escaped = !escaped;
    } else {
      escaped = false;
    }
    token += ch;
  }
  const last = trimGoSpace(token);
  if (last !== '') tokens.push(last);
  return tokens.map(parseClassicMatcher);
}

/** Go's strings.TrimSpace (Unicode white space), without a backtracking RegExp. */
function trimGoSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}
