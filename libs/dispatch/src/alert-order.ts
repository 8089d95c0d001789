// Alertmanager's orderings: label sets (`LabelSet.Before`), alerts (`AlertSlice.Less`), API groups.
import { LabelSet, compareUtf8 } from '../../core/src';

const has = (labels: LabelSet, name: string) => Object.prototype.hasOwnProperty.call(labels, name);

/**
 * `LabelSet.Before` as a comparator: fewer labels first; otherwise walk the union of names in
 * byte order, a set missing a name sorts first, then the smaller value.
 */
export function compareLabelSets(a: LabelSet, b: LabelSet): number {
  const aNames = Object.keys(a);
  const bNames = Object.keys(b);
  if (aNames.length !== bNames.length) return aNames.length - bNames.length;
  const names = [...new Set([...aNames, ...bNames])].sort(compareUtf8);
  for (const name of names) {
    if (!has(a, name)) return -1;
    if (!has(b, name)) return 1;
    const byValue = compareUtf8(a[name], b[name]);
    if (byValue !== 0) return byValue;
  }
  return 0;
}

const OVERRIDE_LABELS = ['job', 'instance'];

/** `AlertSlice.Less`: by `job`, then `instance` (alerts lacking one sort after those having it), then label set. */
export function compareAlertLabels(a: LabelSet, b: LabelSet): number {
  for (const name of OVERRIDE_LABELS) {
    const aHas = has(a, name);
    const bHas = has(b, name);
    if (!aHas && !bHas) continue;
    if (!aHas) return 1;
    if (!bHas) return -1;
    const byValue = compareUtf8(a[name], b[name]);
    if (byValue !== 0) return byValue;
  }
  return compareLabelSets(a, b);
}

export function compareAlerts(a: { labels: LabelSet }, b: { labels: LabelSet }): number {
  return compareAlertLabels(a.labels, b.labels);
}

/** A sorted copy (stable). */
export function sortAlerts<T extends { labels: LabelSet }>(alerts: readonly T[]): T[] {
  return [...alerts].sort(compareAlerts);
}

/** `AlertGroups.Less` for GET /alerts/groups: by group labels, equal labels by receiver name. */
export function compareAlertGroups(
  a: { labels: LabelSet; receiver: string },
  b: { labels: LabelSet; receiver: string },
): number {
  const byLabels = compareLabelSets(a.labels, b.labels);
  if (byLabels !== 0) return byLabels;
  return compareUtf8(a.receiver, b.receiver);
}
