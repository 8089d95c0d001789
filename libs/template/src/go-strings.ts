// Go's strings and cases behaviour for toUpper, toLower, title and trimSpace.

/** Go maps each rune on its own; JS may expand (ß -> SS). Keep the rune when it would expand. */
function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    out += [...m].length === 1 ? m : c;
  }
  return out;
}

export const goToUpper = (s: string): string => mapRunes(s, (c) => c.toUpperCase());
// Go lower-cases U+0130 (capital I with dot) to a plain 'i'; JS expands it to two runes.
export const goToLower = (s: string): string => mapRunes(s, (c) => (c === '\u0130' ? 'i' : c.toLowerCase()));

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}]/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{N}/u.test(c);
const isWordRune = (c: string) => /[\p{L}\p{M}\p{N}_\u203F\u2040\u2054\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]/u.test(c);

// Unicode word-break classes that do not split a word between letters (MidLetter, MidNumLet,
// Single_Quote) or between digits (MidNum, MidNumLet, Single_Quote): "hello.world", "1,000".
const MID_LETTER = new Set([':', '\u00B7', '\u0387', '\u05F4', '\u2027', '\uFE13', '\uFE55', '\uFF1A']);
const MID_NUM_LET = new Set(['.', "'", '\u2018', '\u2019', '\u2024', '\uFE52', '\uFF07', '\uFF0E']);
const MID_NUM = new Set([',', ';', '\u037E', '\u0589', '\u060C', '\u060D', '\u066C', '\u07F8', '\u2044', '\uFE10', '\uFE14', '\uFE50', '\uFE54', '\uFF0C', '\uFF1B']);

// Letters whose title case differs from their upper case (the Latin digraphs).
const TITLE_CASE: Record<string, string> = {
  '\u01C4': '\u01C5', '\u01C5': '\u01C5', '\u01C6': '\u01C5',
  '\u01C7': '\u01C8', '\u01C8': '\u01C8', '\u01C9': '\u01C8',
  '\u01CA': '\u01CB', '\u01CB': '\u01CB', '\u01CC': '\u01CB',
  '\u01F1': '\u01F2', '\u01F2': '\u01F2', '\u01F3': '\u01F2',
};

function staysInWord(chars: string[], i: number): boolean {
  const c = chars[i];
  const prev = chars[i - 1];
  const next = chars[i + 1];
  if ((MID_LETTER.has(c) || MID_NUM_LET.has(c)) && isLetter(prev) && isLetter(next)) return true;
  if ((MID_NUM.has(c) || MID_NUM_LET.has(c)) && isDigit(prev) && isDigit(next)) return true;
  return false;
}

/**
 * cases.Title(language.AmericanEnglish): words split as Unicode word segmentation does; the first
 * letter of each word title-cased, the rest lower-cased.
 */
export function goTitle(s: string): string {
  const chars = [...s];
  let out = '';
  let inWord = false;
  let cased = false;
  chars.forEach((c, i) => {
    if (isWordRune(c) || (inWord && staysInWord(chars, i))) {
      if (!inWord) cased = false;
      inWord = true;
      if (!isLetter(c)) {
        out += c;
        return;
      }
      out += cased ? goToLower(c) : TITLE_CASE[c] ?? goToUpper(c);
      cased = true;
      return;
    }
    inWord = false;
    out += c;
  });
  return out;
}

/** strings.TrimSpace: Unicode white space at both ends. */
export function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}
