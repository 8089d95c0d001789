// Whether a group's notification must be (re)sent to one integration (Alertmanager 3.7).
import { LabelSet, fingerprint } from '../../core/src';

/** The notification log entry for (group key, receiver/integration/index). */
export interface NflogEntry {
  /** Hashes (`alertHash`) of the firing alerts last notified. */
  firing: string[];
  /** Hashes of the resolved alerts last notified. */
  resolved: string[];
  /** When the notification was sent (Unix ms). */
  timestamp: number;
}

export type NotificationReason =
  | 'first notification'
  | 'new alerts added'
  | 'all alerts resolved'
  | 'some alerts resolved'
  | 'repeat interval elapsed';

export interface DedupDecision {
  send: boolean;
  reason?: NotificationReason;
}

/**
 * The alert-set member hash: the FNV-1a label fingerprint (stable, over labels sorted by name).
 * Alertmanager uses xxhash64 here; state is never shared with Go nodes, so any stable hash works.
 */
export function alertHash(labels: LabelSet): string {
  return fingerprint(labels);
}

export interface DedupInput {
  entry: NflogEntry | undefined;
  /** Hashes of the current firing alerts, after muting. */
  firing: Iterable<string>;
  /** Hashes of the current resolved alerts, after muting. */
  resolved: Iterable<string>;
  sendResolved: boolean;
  repeatIntervalMs: number;
  now: number;
}

function isSubset(items: ReadonlySet<string>, of: readonly string[]): boolean {
  const container = new Set(of);
  for (const item of items) if (!container.has(item)) return false;
  return true;
}

export function needsUpdate(input: DedupInput): DedupDecision {
  const { entry, sendResolved, repeatIntervalMs, now } = input;
  const firing = new Set(input.firing);
  const resolved = new Set(input.resolved);
  if (!entry) return firing.size > 0 ? { send: true, reason: 'first notification' } : { send: false };
  if (!isSubset(firing, entry.firing)) {
    return { send: true, reason: entry.firing.length === 0 ? 'first notification' : 'new alerts added' };
  }
  // Sent even with send_resolved false, so that the log forgets the firing alerts.
  if (firing.size === 0) return entry.firing.length > 0 ? { send: true, reason: 'all alerts resolved' } : { send: false };
  if (sendResolved && !isSubset(resolved, entry.resolved)) return { send: true, reason: 'some alerts resolved' };
  if (entry.timestamp < now - repeatIntervalMs) return { send: true, reason: 'repeat interval elapsed' };
  return { send: false };
}

/** When a log entry written at `timestamp` expires: after 2×repeat_interval, capped by the retention. */
export function nflogEntryExpiresAt(timestamp: number, repeatIntervalMs: number, retentionMs: number): number {
  const expiry = 2 * repeatIntervalMs;
  return timestamp + (expiry > 0 && retentionMs > expiry ? expiry : retentionMs);
}
