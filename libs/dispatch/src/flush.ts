// What one flush of an aggregation group sends, and what it may forget afterwards (3.5, 3.6).
import { isResolved, StoredAlert } from './alert';
import { sortAlerts } from './alert-order';
import { alertHash } from './dedup';
import { GO_ZERO_TIME_MS } from './go-time';

/**
 * The group's alerts as a flush sees them: copies sorted job → instance → labels, with
 * `endsAt` zeroed on those still firing at `now` so they cannot resolve later in the pipeline.
 */
export function flushSnapshot(alerts: readonly StoredAlert[], now: number): StoredAlert[] {
  return sortAlerts(alerts.map((a) => (isResolved(a, now) ? { ...a } : { ...a, endsAt: GO_ZERO_TIME_MS })));
}

export interface Muting {
  /** Fingerprints of inhibited alerts. */
  inhibited: ReadonlySet<string>;
  /** Fingerprints of silenced alerts. */
  silenced: ReadonlySet<string>;
  /** The route is muted by a mute_time_interval or outside its active_time_intervals. */
  timeMuted: boolean;
}

export interface IntegrationSend {
  /** The alerts this integration's notification contains (resolved ones dropped without send_resolved). */
  alerts: StoredAlert[];
}

export interface FlushPlan {
  snapshot: StoredAlert[];
  /** Snapshot alerts left after muting; empty when the whole group is muted. */
  unmuted: StoredAlert[];
  /** `alertHash` of the unmuted firing alerts: dedup input and what the nflog records. */
  firing: string[];
  /** `alertHash` of the unmuted resolved alerts. */
  resolved: string[];
  /** One entry per integration, in the order given. */
  integrations: IntegrationSend[];
}

/**
 * Plans a flush. When nothing is left after muting, Alertmanager's pipeline stops quietly:
 * no integration is called and nothing is logged (`unmuted` is empty). Whether an integration
 * actually sends is then decided with `needsUpdate` from `firing`/`resolved`; with
 * send_resolved false and no firing alerts its notification is empty and nothing is sent.
 */
export function planFlush(params: {
  alerts: readonly StoredAlert[];
  now: number;
  muting: Muting;
  integrations: readonly { sendResolved: boolean }[];
}): FlushPlan {
  const { now, muting } = params;
  const snapshot = flushSnapshot(params.alerts, now);
  const unmuted = muting.timeMuted
    ? []
    : snapshot.filter((a) => !muting.inhibited.has(a.fingerprint) && !muting.silenced.has(a.fingerprint));
  const firingAlerts = unmuted.filter((a) => !isResolved(a, now));
  return {
    snapshot,
    unmuted,
    firing: firingAlerts.map((a) => alertHash(a.labels)),
    resolved: unmuted.filter((a) => isResolved(a, now)).map((a) => alertHash(a.labels)),
    integrations: params.integrations.map((i) => ({ alerts: i.sendResolved ? unmuted : firingAlerts })),
  };
}

/**
 * After a successful flush: the fingerprints of snapshot alerts that were resolved and have
 * not been updated since (same `updatedAt` in the store now); these leave the group.
 */
export function resolvedToDelete(
  snapshot: readonly StoredAlert[],
  now: number,
  current: (fingerprint: string) => Pick<StoredAlert, 'updatedAt'> | undefined,
): string[] {
  return snapshot
    .filter((a) => isResolved(a, now))
    .filter((a) => current(a.fingerprint)?.updatedAt === a.updatedAt)
    .map((a) => a.fingerprint);
}
