// Finding the silences that may match a label set without scanning them all.
import { LabelSet } from '../../core/src';
import { Silence, silenceMutes } from './silence';

export const SILENCE_INDEX_LABEL = 'alertname';

/**
 * Silences bucketed by the value of their `alertname="…"` matcher; silences without such a
 * matcher sit in a bucket consulted for every label set.
 */
export interface SilenceIndex {
  /** Every silence that could match `labels` (a superset of the matching ones). */
  candidates(labels: LabelSet): Silence[];
  /** IDs (sorted) of the active silences matching `labels`: the alert's `silencedBy`. */
  silencedBy(labels: LabelSet, now: number): string[];
}

export function buildSilenceIndex(silences: readonly Silence[]): SilenceIndex {
  const byValue = new Map<string, Silence[]>();
  const unindexed: Silence[] = [];
  for (const s of silences) {
    const eq = s.matchers.find((m) => m.name === SILENCE_INDEX_LABEL && m.type === '=');
    if (!eq) {
      unindexed.push(s);
      continue;
    }
    const bucket = byValue.get(eq.value);
    if (bucket) bucket.push(s);
    else byValue.set(eq.value, [s]);
  }
  const candidates = (labels: LabelSet): Silence[] => {
    const value = Object.prototype.hasOwnProperty.call(labels, SILENCE_INDEX_LABEL) ? labels[SILENCE_INDEX_LABEL] : '';
    return [...(byValue.get(value) ?? []), ...unindexed];
  };
  return {
    candidates,
    silencedBy(labels, now) {
      return candidates(labels)
        .filter((s) => silenceMutes(s, labels, now))
        .map((s) => s.id)
        .sort();
    },
  };
}
