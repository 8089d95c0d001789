// Creating, updating in place, and expiring silences (Alertmanager 3.9).
import { Silence, silenceState } from './silence';

function sameMatchers(a: Silence['matchers'], b: Silence['matchers']): boolean {
  return a.length === b.length && a.every((m, i) => m.name === b[i].name && m.type === b[i].type && m.value === b[i].value);
}

const toSecond = (ms: number) => Math.floor(ms / 1000);

/**
 * Whether `incoming` may replace `existing` under the same id: identical matchers (same
 * order) and either `existing` is active, `startsAt` is unchanged (to the second) and the new
 * `endsAt` is not in the past, or `existing` is pending and the new `startsAt` is not in the past.
 * An expired silence is never updated in place.
 */
export function canUpdateInPlace(
  existing: Silence,
  incoming: Pick<Silence, 'matchers' | 'startsAt' | 'endsAt'>,
  now: number,
): boolean {
  if (!sameMatchers(existing.matchers, incoming.matchers)) return false;
  switch (silenceState(existing, now)) {
    case 'active':
      return toSecond(incoming.startsAt) === toSecond(existing.startsAt) && incoming.endsAt >= now;
    case 'pending':
      return incoming.startsAt >= now;
    case 'expired':
      return false;
  }
}

/**
 * Expiring (DELETE): an active silence ends now; a pending one starts and ends now; an
 * expired one is left alone (`undefined`: nothing to write, the API still answers 200).
 */
export function expireSilence(s: Silence, now: number): Silence | undefined {
  switch (silenceState(s, now)) {
    case 'active':
      return { ...s, endsAt: now, updatedAt: now };
    case 'pending':
      return { ...s, startsAt: now, endsAt: now, updatedAt: now };
    case 'expired':
      return undefined;
  }
}

/** A posted silence (validated), without bookkeeping fields. */
export type SilenceChange = Omit<Silence, 'id' | 'updatedAt'>;

export type SilenceUpsertPlan =
  /** The posted id is unknown: answer 404 `silence not found`. */
  | { kind: 'not-found' }
  /** Store `silence` under its existing id. */
  | { kind: 'update'; silence: Silence }
  /** Store `silence` under a new id; also store `expired` (the replaced silence, now expired) if set. */
  | { kind: 'create'; silence: Silence; expired?: Silence };

/**
 * What POST /silences does. `requestedId` is the id in the body (if any) and `existing` the
 * stored silence with that id (if found). A new silence gets `newId`, and a `startsAt` in the
 * past is moved to `now`.
 */
export function planSilenceUpsert(params: {
  requestedId?: string;
  existing?: Silence;
  incoming: SilenceChange;
  now: number;
  newId: string;
}): SilenceUpsertPlan {
  const { requestedId, existing, incoming, now, newId } = params;
  if (requestedId !== undefined && requestedId !== '' && existing === undefined) return { kind: 'not-found' };
  if (existing && canUpdateInPlace(existing, incoming, now)) {
    return { kind: 'update', silence: { ...incoming, id: existing.id, updatedAt: now } };
  }
  const silence: Silence = { ...incoming, id: newId, startsAt: Math.max(incoming.startsAt, now), updatedAt: now };
  const expired = existing ? expireSilence(existing, now) : undefined;
  return expired ? { kind: 'create', silence, expired } : { kind: 'create', silence };
}
