// RE2 matching and replacement with Go's regexp semantics, on re2js (never JS RegExp on user
// patterns).
import { RE2JS } from 're2js';

function compile(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    throw new Error(regexpErrorText(e));
  }
}

/** regexp.MatchString: unanchored search. */
export function matchString(pattern: string, s: string): boolean {
  return compile(pattern).matcher(s).find();
}

/** Expands $1, ${1}, $name, ${name} and $$ in a replacement template as Go's Regexp.Expand does. */
function expand(template: string, groups: (string | null)[], names: Map<string, number>): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string | undefined;
    let end = i + 1;
    if (template[i + 1] === '{') {
      const close = template.indexOf('}', i + 2);
      const inner = close < 0 ? '' : template.slice(i + 2, close);
      if (close >= 0 && /^[A-Za-z0-9_]+$/.test(inner)) {
        name = inner;
        end = close + 1;
      }
    } else {
      const m = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
      if (m) {
        name = m[0];
        end = i + 1 + m[0].length;
      }
    }
    if (name === undefined) {
      // A malformed reference is copied as is.
      out += '$';
      continue;
    }
    let idx: number | undefined;
    if (/^\d+$/.test(name)) idx = Number(name);
    else idx = names.get(name);
    if (idx !== undefined && idx < groups.length) out += groups[idx] ?? '';
    i = end - 1;
  }
  return out;
}

/** Regexp.ReplaceAllString with Go's rules for empty matches and $-expansion. */
export function replaceAllString(pattern: string, repl: string, text: string): string {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    throw new Error(`regexp: Compile(${goBackquote(pattern)}): ${regexpErrorText(e)}`);
  }
  const names = new Map<string, number>(Object.entries(re.namedGroups() as Record<string, number>));
  const m = re.matcher(text);
  const n = re.groupCount();
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= text.length && m.find(searchPos)) {
    const start = m.start();
    const end = m.end();
    out += text.slice(lastMatchEnd, start);
    // No replacement for an empty match right after the previous match.
    if (end > lastMatchEnd || start === 0) {
      const groups: (string | null)[] = [];
      for (let g = 0; g <= n; g++) groups.push(m.group(g));
      out += expand(repl, groups, names);
    }
    lastMatchEnd = end;
    const width = searchPos < text.length ? (text.codePointAt(searchPos)! > 0xffff ? 2 : 1) : 0;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + text.slice(lastMatchEnd);
}

function goBackquote(s: string): string {
  return s.includes('`') ? JSON.stringify(s) : '`' + s + '`';
}

/** re2js reports Go's wording ("error parsing regexp: ..."); make sure the prefix is there once. */
function regexpErrorText(e: unknown): string {
  const msg = (e as Error).message;
  return msg.startsWith('error parsing regexp: ') ? msg : `error parsing regexp: ${msg}`;
}
