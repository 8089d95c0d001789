// Anchored RE2 regular expressions as Alertmanager compiles them: `^(?:<pattern>)$`.
// re2js runs in linear time, so a hostile pattern cannot stall the event loop.
import { RE2JS } from 're2js';

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
  let re: RE2JS;
  try {
    re = RE2JS.compile(`^(?:${pattern})$`);
  } catch (err) {
    throw new Error(err instanceof Error ? err.message : String(err));
  }
  return { test: (s: string) => re.test(s) };
}
