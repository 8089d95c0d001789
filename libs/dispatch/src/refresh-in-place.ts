// Updating a long-lived copy of an alert when the same alert is stored again.
import type { LabelSet } from '../../core/src';
import type { StoredAlert } from './alert';

function sameLabelSet(a: LabelSet, b: LabelSet): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) if (a[name] !== b[name]) return false;
  return true;
}

/**
 * `held` (an alert kept for a long time, as in an in-process mirror) changed to read as `next`
 * (stored again under the same fingerprint, which is left as it is), and returned. Its label
 * and annotation sets are kept when they read the same, so that a refresh, which usually moves
 * only `endsAt` and `updatedAt`, leaves no new object behind: every new object a long-lived map
 * keeps survives into V8's old generation, and at Prometheus' refresh cadence those make the
 * garbage collections that delay notifications. Anyone holding `held` sees the new values.
 */
export function refreshInPlace(held: StoredAlert, next: StoredAlert): StoredAlert {
  if (!sameLabelSet(held.labels, next.labels)) held.labels = next.labels;
  if (!sameLabelSet(held.annotations, next.annotations)) held.annotations = next.annotations;
  held.startsAt = next.startsAt;
  held.endsAt = next.endsAt;
  if (held.generatorURL !== next.generatorURL) held.generatorURL = next.generatorURL;
  held.updatedAt = next.updatedAt;
  held.timeout = next.timeout;
  return held;
}
