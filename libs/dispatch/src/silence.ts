// The silence record, its state at a time and whether it matches a label set.
import { LabelSet, Matcher, matchesLabels } from '../../core/src';

/** A stored silence; times are Unix milliseconds. */
export interface Silence {
  id: string;
  matchers: Matcher[];
  startsAt: number;
  endsAt: number;
  updatedAt: number;
  createdBy: string;
  comment: string;
  /** 0.32+ silence annotations. */
  annotations?: Record<string, string>;
}

export type SilenceState = 'pending' | 'active' | 'expired';

/** The API's state: pending before `startsAt`, active until (not including) `endsAt`, then expired. */
export function silenceState(s: Pick<Silence, 'startsAt' | 'endsAt'>, now: number): SilenceState {
  if (now < s.startsAt) return 'pending';
  if (now < s.endsAt) return 'active';
  return 'expired';
}

/** Whether the silence's matchers match `labels` (a missing label counts as ""), regardless of state. */
export function silenceMatches(s: Pick<Silence, 'matchers'>, labels: LabelSet): boolean {
  return matchesLabels(s.matchers, labels);
}

/** Only active silences mute. */
export function silenceMutes(s: Silence, labels: LabelSet, now: number): boolean {
  return silenceState(s, now) === 'active' && silenceMatches(s, labels);
}
