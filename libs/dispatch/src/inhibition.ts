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

/**
 * The preferred sources of one equal-label bucket: the one that stays firing longest (then the
 * smallest fingerprint), overall and among those not matching the target matchers (for targets
 * that are sources themselves).
 */
interface Bucket {
  best: InhibitionAlert;
  bestNotTarget?: InhibitionAlert;
}

/** One rule's unresolved source alerts, bucketed by their `equal` label values. */
interface RuleIndex {
  rule: InhibitRule;
  buckets: Map<string, Bucket>;
}

function preferred(a: InhibitionAlert | undefined, b: InhibitionAlert): InhibitionAlert {
  if (!a) return b;
  if (b.endsAt !== a.endsAt) return b.endsAt > a.endsAt ? b : a;
  return b.fingerprint < a.fingerprint ? b : a;
}

function indexRule(rule: InhibitRule, alerts: readonly InhibitionAlert[], now: number): RuleIndex {
  const buckets = new Map<string, Bucket>();
  for (const alert of alerts) {
    if (isResolved(alert, now) || !matchesLabels(rule.sourceMatchers, alert.labels)) continue;
    const key = equalKey(rule.equal, alert.labels);
    const bucket = buckets.get(key);
    const isTarget = matchesLabels(rule.targetMatchers, alert.labels);
    if (!bucket) {
      buckets.set(key, { best: alert, bestNotTarget: isTarget ? undefined : alert });
    } else {
      bucket.best = preferred(bucket.best, alert);
      if (!isTarget) bucket.bestNotTarget = preferred(bucket.bestNotTarget, alert);
    }
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
  return matchesLabels(rule.sourceMatchers, target.labels) ? bucket.bestNotTarget : bucket.best;
}

/** Inhibition decisions against sources indexed once (per flush or per API query). */
export interface InhibitionIndex {
  /** The inhibiting source fingerprints of `target` (one, or none when not inhibited). */
  inhibitedBy(target: Pick<StoredAlert, 'labels'>): string[];
}

/**
 * Indexes, per rule, the unresolved alerts matching its source matchers by their `equal`
 * label values. Cost: one pass over `alerts` per rule, then, per query, at most one bucket lookup
 * and a few matcher evaluations per rule: no scan over sources, even when sources are also targets.
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
