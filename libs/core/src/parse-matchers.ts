// Alertmanager's default "fallback" matcher parsing (`matcher/compat`): the UTF-8 parser first;
// if it fails, the classic parser (whose error is reported when both fail); if both succeed with
// different results, the classic result wins.
import { parseClassicMatcher, parseClassicMatchers } from './classic-matcher-parser';
import { Matcher } from './matcher';
import { parseUtf8Matcher, parseUtf8Matchers } from './utf8-matcher-parser';

export type MatcherParseMode = 'fallback' | 'utf8-strict' | 'classic';

/** How an input was resolved in fallback mode (for warnings such as Alertmanager logs). */
export type FallbackOutcome = 'utf8' | 'classic-fallback' | 'disagreement';

export interface FallbackResult<T> {
  result: T;
  outcome: FallbackOutcome;
  /** The UTF-8 parser's error when it failed. */
  utf8Error?: string;
}

function sameMatchers(a: readonly Matcher[], b: readonly Matcher[]): boolean {
  return a.length === b.length && a.every((m, i) => m.equals(b[i]));
}

function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: Error } {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

/** Fallback-mode parse of zero or more matchers, with how the result was chosen. */
export function parseMatchersDetailed(input: string): FallbackResult<Matcher[]> {
  const utf8 = attempt(() => parseUtf8Matchers(input));
  const classic = attempt(() => parseClassicMatchers(input));
  if (!utf8.ok) {
    if (!classic.ok) throw classic.error;
    return { result: classic.value, outcome: 'classic-fallback', utf8Error: utf8.error.message };
  }
  if (classic.ok && !sameMatchers(utf8.value, classic.value)) {
    return { result: classic.value, outcome: 'disagreement' };
  }
  return { result: utf8.value, outcome: 'utf8' };
}

/** Fallback-mode parse of exactly one matcher (API `filter` and `receiver_matchers` values). */
export function parseMatcherDetailed(input: string): FallbackResult<Matcher> {
  if (input.startsWith('{') || input.endsWith('}')) throw new Error(`unexpected open or close brace: ${input}`);
  const utf8 = attempt(() => parseUtf8Matcher(input));
  const classic = attempt(() => parseClassicMatcher(input));
  if (!utf8.ok) {
    if (!classic.ok) throw classic.error;
    return { result: classic.value, outcome: 'classic-fallback', utf8Error: utf8.error.message };
  }
  if (classic.ok && !utf8.value.equals(classic.value)) return { result: classic.value, outcome: 'disagreement' };
  return { result: utf8.value, outcome: 'utf8' };
}

/** Parses one or more matchers the way Alertmanager does by default; throws its error message. */
export function parseMatchers(input: string, mode: MatcherParseMode = 'fallback'): Matcher[] {
  if (mode === 'classic') return parseClassicMatchers(input);
  if (mode === 'utf8-strict') return parseUtf8Matchers(input);
  return parseMatchersDetailed(input).result;
}

/** Parses exactly one matcher; a leading `{` or trailing `}` is rejected outside classic mode. */
export function parseMatcher(input: string, mode: MatcherParseMode = 'fallback'): Matcher {
  if (mode === 'classic') return parseClassicMatcher(input);
  if (mode === 'utf8-strict') {
    if (input.startsWith('{') || input.endsWith('}')) throw new Error(`unexpected open or close brace: ${input}`);
    return parseUtf8Matcher(input);
  }
  return parseMatcherDetailed(input).result;
}
