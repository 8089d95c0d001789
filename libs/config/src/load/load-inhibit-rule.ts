// One `inhibit_rules` item, with the deprecated `*_match`/`*_match_re` forms merged in.
import { sortMatchers } from '../../../core/src';
import type { InhibitRuleConfig } from '../types';
import type { YamlValue } from '../yaml/yaml-value';
import { isLabelNameValid, LoadContext } from './load-context';
import { readMatchMap, readMatcherStrings } from './load-matchers';

const INHIBIT_KEYS = [
  'name', 'source_match', 'source_match_re', 'source_matchers', 'target_match', 'target_match_re',
  'target_matchers', 'equal',
];

/** Undefined for an empty list item (`inhibit_rules: [ - ]`), which inhibits nothing. */
export function loadInhibitRule(ctx: LoadContext, v: YamlValue): InhibitRuleConfig | undefined {
  const s = v.asStruct('config.plain', INHIBIT_KEYS);
  if (!s) return undefined;
  const sourceMatch = readMatchMap(s.get('source_match'), false);
  const sourceMatchRe = readMatchMap(s.get('source_match_re'), true);
  const sourceMatchers = readMatcherStrings(ctx, s.get('source_matchers'));
  const targetMatch = readMatchMap(s.get('target_match'), false);
  const targetMatchRe = readMatchMap(s.get('target_match_re'), true);
  const targetMatchers = readMatcherStrings(ctx, s.get('target_matchers'));
  const equalValue = s.get('equal');
  const equal = equalValue.asStringList('model.LabelNames') ?? [];
  for (const name of equal) {
    if (!isLabelNameValid(ctx, name)) equalValue.error(`${JSON.stringify(name)} is not a valid label name`);
  }
  return {
    name: s.get('name').asString() || undefined,
    sourceMatchers: sortMatchers([...sourceMatch.matchers, ...sourceMatchRe.matchers, ...(sourceMatchers ?? [])]),
    targetMatchers: sortMatchers([...targetMatch.matchers, ...targetMatchRe.matchers, ...(targetMatchers ?? [])]),
    equal,
    raw: {
      sourceMatch: sourceMatch.map,
      sourceMatchRe: sourceMatchRe.map,
      sourceMatchers: sourceMatchers?.map((m) => m.toString()),
      targetMatch: targetMatch.map,
      targetMatchRe: targetMatchRe.map,
      targetMatchers: targetMatchers?.map((m) => m.toString()),
    },
  };
}
