// The three ways to write matchers (`matchers` strings, deprecated `match` and `match_re` maps),
// parsed with libs/core and merged the way Alertmanager merges them.
import { isValidLegacyLabelName, Matcher, parseMatchers, parseMatchersDetailed, sortMatchers } from '../../../core/src';
import type { YamlValue } from '../yaml/yaml-value';
import type { LoadContext } from './load-context';

/** `matchers:` list: each string may hold several matchers. Returns them sorted. */
export function readMatcherStrings(ctx: LoadContext, v: YamlValue): Matcher[] | undefined {
  if (v.isNull) return undefined;
  const out: Matcher[] = [];
  for (const item of v.asList('[]string')) {
    const text = item.asString();
    if (text === undefined) continue;
    try {
      if (ctx.matcherMode !== 'fallback') {
        out.push(...parseMatchers(text, ctx.matcherMode));
        continue;
      }
      const parsed = parseMatchersDetailed(text);
      if (parsed.outcome !== 'utf8') {
        ctx.warnings.push(
          `${item.path}: ${JSON.stringify(text)} is only valid in the classic matcher syntax` +
            (parsed.outcome === 'disagreement' ? ' (the UTF-8 parser reads it differently; the classic reading is used)' : ''),
        );
      }
      out.push(...parsed.result);
    } catch (e) {
      item.error((e as Error).message);
    }
  }
  return sortMatchers(out);
}

/** `match` (equality) or `match_re` (anchored RE2) maps; label names must be classic names. */
export function readMatchMap(v: YamlValue, regex: boolean): { map?: Record<string, string>; matchers: Matcher[] } {
  const map = v.asStringMap();
  if (map === undefined) return { matchers: [] };
  const matchers: Matcher[] = [];
  for (const [name, value] of Object.entries(map)) {
    const validName = isValidLegacyLabelName(name);
    if (!validName) v.error(`invalid label name ${JSON.stringify(name)}`);
    try {
      const m = Matcher.create(regex ? '=~' : '=', name, value);
      if (validName) matchers.push(m);
    } catch (e) {
      v.error((e as Error).message);
    }
  }
  return { map, matchers };
}
