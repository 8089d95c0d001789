// Inhibition (Alertmanager 3.8): which alerts are muted by which source alerts.
import { LabelSet, Matcher, matchesLabels } from '../../core/src';
import { isResolved, StoredAlert } from './alert';

/** The fields of config's `InhibitRuleConfig` used here. */
export interface InhibitRule {
  name?: string;
  sourceMatchers: Matcher[];
  targetMatchers: Matcher[];
  equal: string[];
}

type InhibitionAlert = Pick<StoredAlert, 'labels' | 'endsAt' | 'fingerprint'>;

/** The values of the `equal` labels, a missing label counting as "". */
function equalKey(equal: readonly string[], labels: LabelSet): string {
  return JSON.stringify(equal.map((name) => (Object.prototype.hasOwnProperty.call(labels, name) ? labels[name] : '')));
}

/** One rule's unresolved source alerts, bucketed by their `equal` label values. */
interface RuleIndex {
  rule: InhibitRule;
  buckets: Map<string, InhibitionAlert[]>;
}

function indexRule(rule: InhibitRule, alerts: readonly InhibitionAlert[], now: number): RuleIndex {
  const buckets = new Map<string, InhibitionAlert[]>();
  for (const alert of alerts) {
    if (isResolved(alert, now) || !matchesLabels(rule.sourceMatchers, alert.labels)) continue;
    const key = equalKey(rule.equal, alert.labels);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(alert);
    else buckets.set(key, [alert]);
  }
  // Prefer the source that stays firing longest, then the smallest fingerprint, for a stable answer.
  for (const bucket of buckets.values()) {
    bucket.sort((a, b) => b.endsAt - a.endsAt || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  }
  return { rule, buckets };
}

/** The inhibiting source of `target` under one rule, honouring the self-inhibition guard. */
function inhibitingSource(index: RuleIndex, target: Pick<StoredAlert, 'labels'>): InhibitionAlert | undefined {
  const { rule } = index;
  if (!matchesLabels(rule.targetMatchers, target.labels)) return undefined;
  const bucket = index.buckets.get(equalKey(rule.equal, target.labels));
  if (!bucket) return undefined;
  // A target that is itself a source ignores sources that are also targets (this includes itself).
  const twoSided = matchesLabels(rule.sourceMatchers, target.labels);
  return bucket.find((source) => !twoSided || !matchesLabels(rule.targetMatchers, source.labels));
}

/** Inhibition decisions against sources indexed once (per flush or per API query). */
export interface InhibitionIndex {
  /** The inhibiting source fingerprints of `target` (one, or none when not inhibited). */
  inhibitedBy(target: Pick<StoredAlert, 'labels'>): string[];
}

/**
 * Indexes, per rule, the unresolved alerts matching its source matchers by their `equal`
 * label values. Cost: one pass over `alerts` per rule, then one bucket lookup per rule per query.
 */
export function buildInhibitionIndex(
  rules: readonly InhibitRule[],
  alerts: readonly InhibitionAlert[],
  now: number,
): InhibitionIndex {
  const indexes = rules.map((rule) => indexRule(rule, alerts, now));
  return {
    inhibitedBy(target) {
      for (const index of indexes) {
        const source = inhibitingSource(index, target);
        if (source) return [source.fingerprint];
      }
      return [];
    },
  };
}

/**
 * For every inhibited alert (by fingerprint), the fingerprints of the alerts inhibiting it.
 * Like Alertmanager's marker this holds one source: the one found by the first rule (in
 * config order) that inhibits, preferring the source whose `endsAt` is latest. Resolved
 * sources never inhibit; silenced or inhibited sources do. Alerts not inhibited are absent.
 */
export function computeInhibitions(
  rules: readonly InhibitRule[],
  alerts: readonly InhibitionAlert[],
  now: number,
): Map<string, string[]> {
  const index = buildInhibitionIndex(rules, alerts, now);
  const result = new Map<string, string[]>();
  for (const target of alerts) {
    const sources = index.inhibitedBy(target);
    if (sources.length > 0) result.set(target.fingerprint, sources);
  }
  return result;
}
