// The stored alert and whether it is resolved.
import type { LabelSet } from '../../core/src';
import { isZeroTime } from './go-time';

/** An alert as kept by the store. Times are Unix milliseconds; `GO_ZERO_TIME_MS` means unset. */
export interface StoredAlert {
  labels: LabelSet;
  annotations: LabelSet;
  startsAt: number;
  endsAt: number;
  generatorURL: string;
  updatedAt: number;
  /** True when `endsAt` was derived from `resolve_timeout` rather than given by the client. */
  timeout: boolean;
  fingerprint: string;
}

/** Resolved means `endsAt` is set and not after `now` (Go `Alert.ResolvedAt`). */
export function isResolved(alert: Pick<StoredAlert, 'endsAt'>, now: number): boolean {
  return !isZeroTime(alert.endsAt) && alert.endsAt <= now;
}
