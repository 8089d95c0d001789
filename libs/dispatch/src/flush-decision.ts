// One flush of an aggregation group, decided end to end for each integration of its receiver.
import type { StoredAlert } from './alert';
import { needsUpdate, NflogEntry, NotificationReason } from './dedup';
import { FlushPlan, Muting, planFlush } from './flush';

export interface IntegrationState {
  sendResolved: boolean;
  /** The integration's last nflog entry for this group, if any. */
  entry: NflogEntry | undefined;
}

export interface IntegrationFlushDecision {
  /** Call the integration with `alerts` (never true with an empty list). */
  send: boolean;
  reason?: NotificationReason;
  alerts: StoredAlert[];
  /**
   * What to write to the nflog once the integration succeeded (or had nothing to send because
   * send_resolved false left no alerts). Undefined: write nothing.
   */
  logEntry?: NflogEntry;
}

export interface FlushDecision {
  plan: FlushPlan;
  integrations: IntegrationFlushDecision[];
}

/**
 * Muting, dedup and send_resolved for one flush at tick time `now`. After every integration
 * succeeded (including "nothing to do"), delete `resolvedToDelete(plan.snapshot, …)` from the group.
 */
export function decideFlush(params: {
  alerts: readonly StoredAlert[];
  now: number;
  muting: Muting;
  repeatIntervalMs: number;
  integrations: readonly IntegrationState[];
}): FlushDecision {
  const { now, repeatIntervalMs } = params;
  const plan = planFlush({ alerts: params.alerts, now, muting: params.muting, integrations: params.integrations });
  const integrations = params.integrations.map((integration, i): IntegrationFlushDecision => {
    // Everything muted: the pipeline stops before dedup, nothing is sent or logged.
    if (plan.unmuted.length === 0) return { send: false, alerts: [] };
    const decision = needsUpdate({
      entry: integration.entry,
      firing: plan.firing,
      resolved: plan.resolved,
      sendResolved: integration.sendResolved,
      repeatIntervalMs,
      now,
    });
    if (!decision.send) return { send: false, alerts: [] };
    const alerts = plan.integrations[i].alerts;
    return {
      send: alerts.length > 0,
      reason: decision.reason,
      alerts,
      logEntry: { firing: [...plan.firing], resolved: [...plan.resolved], timestamp: now },
    };
  });
  return { plan, integrations };
}
