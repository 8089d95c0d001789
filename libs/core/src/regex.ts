// Anchored RE2 regular expressions as Alertmanager compiles them: `^(?:<pattern>)$`.
// re2js runs in linear time, so a hostile pattern cannot stall the event loop.
import { RE2JS, RE2JSSyntaxException } from 're2js';

export interface AnchoredRegex {
  /** True if the whole of `s` matches the pattern. */
  test(s: string): boolean;
}

const CACHE_LIMIT = 1024;
const cache = new Map<string, AnchoredRegex>();

/** Compiles `^(?:pattern)$` with RE2 semantics; throws Go's `error parsing regexp: …` message. */
export function compileAnchoredRegex(pattern: string): AnchoredRegex {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    // Refresh recency: Map iteration order is insertion order.
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const compiled = compileUncached(pattern);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
  }
  cache.set(pattern, compiled);
  return compiled;
}

/** Number of distinct patterns currently cached (for tests and metrics). */
export function anchoredRegexCacheSize(): number {
  return cache.size;
}

export const ANCHORED_REGEX_CACHE_LIMIT = CACHE_LIMIT;

function compileUncached(pattern: string): AnchoredRegex {
  const anchored = `^(?:${pattern})$`;
  let re: RE2JS;
  try {
    re = RE2JS.compile(anchored);
  } catch (err) {
    throw new Error(goRegexpErrorMessage(err, anchored));
  }
  return { test: (s: string) => re.test(s) };
}

/** Go's `regexp.Error` text: `error parsing regexp: <code>: \`<expr>\``; the whole expression when re2js gives none. */
function goRegexpErrorMessage(err: unknown, anchored: string): string {
  if (err instanceof RE2JSSyntaxException) {
    return `error parsing regexp: ${err.error}: \`${err.input ?? anchored}\``;
  }
  return err instanceof Error ? err.message : String(err);
}
