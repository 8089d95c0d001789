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

const isWordRune = (c: string) => /[\p{L}\p{M}\p{N}_'’]/u.test(c);

/** cases.Title(language.AmericanEnglish): each word's first letter upper, the rest lower. */
export function goTitle(s: string): string {
  let out = '';
  let inWord = false;
  for (const c of s) {
    if (!isWordRune(c) || (c === "'" && !inWord)) {
      inWord = false;
      out += c;
      continue;
    }
    if (/\p{N}/u.test(c) && !inWord) {
      // A digit does not start a word: the letter after it is still title-cased ("3Rd").
      out += c;
      continue;
    }
    out += inWord ? goToLower(c) : goToUpper(c);
    inWord = true;
  }
  return out;
}

/** strings.TrimSpace: Unicode white space at both ends. */
export function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}
