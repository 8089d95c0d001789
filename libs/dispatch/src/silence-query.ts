// Listing silences: the API's `filter` semantics and its sort order.
import { compareUtf8, Matcher } from '../../core/src';
import { Silence, SilenceState, silenceState } from './silence';

/**
 * GET /silences `filter`: every filter matcher must appear in the silence with the same name,
 * operator and value. This is not label matching.
 */
export function silenceMatchesFilter(s: Pick<Silence, 'matchers'>, filter: readonly Matcher[]): boolean {
  return filter.every((f) => s.matchers.some((m) => m.name === f.name && m.type === f.type && m.value === f.value));
}

const STATE_RANK: Record<SilenceState, number> = { active: 0, pending: 1, expired: 2 };

/**
 * Alertmanager's `SortSilences`: active by `endsAt` ascending, then pending by `startsAt`
 * ascending, then expired by `endsAt` descending. Ties are broken by id for a stable order.
 */
export function sortSilences<T extends Silence>(silences: readonly T[], now: number): T[] {
  const keyed = silences.map((s) => ({ s, state: silenceState(s, now) }));
  keyed.sort((a, b) => {
    if (a.state !== b.state) return STATE_RANK[a.state] - STATE_RANK[b.state];
    let byTime = 0;
    if (a.state === 'active') byTime = a.s.endsAt - b.s.endsAt;
    else if (a.state === 'pending') byTime = a.s.startsAt - b.s.startsAt;
    else byTime = b.s.endsAt - a.s.endsAt;
    return byTime || compareUtf8(a.s.id, b.s.id);
  });
  return keyed.map((k) => k.s);
}
