// Combining a re-posted alert with the stored one of the same fingerprint (Alertmanager 3.4).
import { isResolved, StoredAlert } from './alert';

/**
 * True when the incoming alert's interval overlaps the existing one: its `endsAt` or its
 * `startsAt` lies strictly inside (existing.startsAt, existing.endsAt).
 */
export function alertsOverlap(existing: StoredAlert, incoming: StoredAlert): boolean {
  const inside = (t: number) => t > existing.startsAt && t < existing.endsAt;
  return inside(incoming.endsAt) || inside(incoming.startsAt);
}

/**
 * The alert to store when `incoming` arrives while `existing` is stored: a merge when the two
 * intervals overlap, otherwise `incoming` replaces `existing` (a re-activation starts afresh).
 */
export function mergeAlert(existing: StoredAlert, incoming: StoredAlert, now: number): StoredAlert {
  if (!alertsOverlap(existing, incoming)) return incoming;
  return mergeOverlapping(existing, incoming, now);
}

/**
 * Alertmanager's `Alert.Merge`: the more recently updated alert supplies labels, annotations,
 * generatorURL and timeout; the earliest `startsAt` wins; `endsAt` follows the resolve rules.
 */
export function mergeOverlapping(a: StoredAlert, b: StoredAlert, now: number): StoredAlert {
  const [older, younger] = b.updatedAt < a.updatedAt ? [b, a] : [a, b];
  const merged: StoredAlert = { ...younger };
  if (older.startsAt < younger.startsAt) merged.startsAt = older.startsAt;
  if (isResolved(younger, now)) {
    // Both resolved: the later explicit resolve time wins.
    if (isResolved(older, now) && older.endsAt > younger.endsAt) merged.endsAt = older.endsAt;
  } else if (older.endsAt > younger.endsAt && !older.timeout) {
    // A later end time given by the client (not a resolve_timeout default) stands.
    merged.endsAt = older.endsAt;
  }
  return merged;
}
