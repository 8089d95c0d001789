// One flush of one aggregation group (reference 3.5–3.7): muting, dedup per integration, deliveries.
import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../../../../libs/core/src';
import { Route, isResolved, needsUpdate, nflogEntryExpiresAt, nflogKey, planFlush } from '../../../../libs/dispatch/src';
import type { Notifier } from '../../../../libs/notify/src';
import type { AlertRecord, ClaimedGroup, LoadedGroup, ResolvedSnapshot, StoredNflogEntry } from '../../../../libs/store/src/dispatch';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryJobData, deliveryJobId } from './delivery-job';
import { DeliveryQueues } from './delivery-queues';
import { flushClock } from './flush-clock';
import type { DispatchPlan } from './dispatch-plan';
import { DispatchRedis } from './dispatch-redis';
import { DispatchState } from './dispatch-state';
import { stillBelongs } from './group-assignment';
import { GroupMuting } from './group-muting';
import { NotifierRegistry } from './notifier-registry';

/** Alertmanager's flush timeout: max(group_interval, 10s). */
const MIN_FLUSH_TIMEOUT_MS = 10_000;
/**
 * A group whose route this process does not know may belong to a config another process
 * already (or still) runs during a rolling reload. This process hands it back due at once and
 * leaves it alone for a while; it is removed only once no process has routed it for the grace.
 */
const UNROUTED_GRACE_MS = 60_000;
const UNROUTED_SKIP_MS = 10_000;
/** How long an in-flight marker outlives its deadline (time for a dead worker's job to be taken over). */
const INFLIGHT_GRACE_MS = 60_000;

interface Integration {
  notifier: Notifier;
  config: unknown;
  index: number;
  nflogKey: string;
}

@Injectable()
export class GroupFlusher {
  private readonly logger: Logger;
  /** Groups this process found no route for, until when it leaves them to other processes. */
  private readonly unroutable = new Map<string, number>();

  constructor(
    private readonly runtime: KlaxonRuntime,
    private readonly redis: DispatchRedis,
    private readonly state: DispatchState,
    private readonly muting: GroupMuting,
    private readonly notifiers: NotifierRegistry,
    private readonly queues: DeliveryQueues,
  ) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  async flush(claim: ClaimedGroup): Promise<void> {
    const plan = this.state.plan;
    const now = flushClock();
    const group = await this.redis.groups.load(claim.groupId);
    if (!group) {
      await this.redis.schedule.finish(claim, 0, { remove: true });
      return;
    }
    const route = plan.routesById.get(group.meta.routeId);
    if (!route) {
      const since = await this.redis.groups.unroutedSince(claim.groupId, now);
      const remove = now - since >= UNROUTED_GRACE_MS;
      if (!remove) this.unroutable.set(claim.groupId, now + UNROUTED_SKIP_MS);
      this.logger.debug('No route for group in this configuration', { aggrGroup: group.meta.groupKey, removed: remove });
      await this.redis.schedule.finish(claim, now, { remove, routed: false });
      return;
    }
    const records = await this.currentMembers(plan, route, claim.groupId, group);
    if (records.length === 0) {
      this.logger.debug('Group has no alerts left; removed', { aggrGroup: group.meta.groupKey });
      await this.redis.schedule.finish(claim, 0, { remove: true });
      return;
    }
    await this.notify(plan, route, claim, group, records, now);
    // As Alertmanager re-arms its timer when it fires: ticks drift by the flush latency.
    await this.redis.schedule.finish(claim, now + route.groupInterval);
  }

  /** Groups to leave to other processes now (their route is unknown here). */
  groupsToSkip(now: number): string[] {
    for (const [id, until] of this.unroutable) if (until <= now) this.unroutable.delete(id);
    return [...this.unroutable.keys()];
  }

  /** The group's alerts, dropping members that are gone or no longer land in this group. */
  private async currentMembers(plan: DispatchPlan, route: Route, groupId: string, group: LoadedGroup): Promise<AlertRecord[]> {
    const records = await this.redis.alerts.get(group.fingerprints);
    const kept: AlertRecord[] = [];
    const dropped: string[] = [];
    records.forEach((record, i) => {
      if (record && stillBelongs(plan, route, group.meta.labels, record.alert)) kept.push(record);
      else dropped.push(group.fingerprints[i]);
    });
    await this.redis.groups.removeMembers(groupId, dropped);
    return kept;
  }

  private async notify(plan: DispatchPlan, route: Route, claim: ClaimedGroup, group: LoadedGroup, records: AlertRecord[], now: number): Promise<void> {
    const alerts = records.map((r) => r.alert);
    const integrations = this.integrations(plan, route, group.meta.groupKey);
    const [muting, states] = await Promise.all([
      this.muting.muting(plan, route, alerts, now),
      this.redis.nflog.read(integrations.map((i) => i.nflogKey), now),
    ]);
    const flushPlan = planFlush({ alerts, now, muting, integrations: integrations.map((i) => ({ sendResolved: i.notifier.sendResolved(i.config) })) });
    const resolved: ResolvedSnapshot[] = records.filter((r) => isResolved(r.alert, now)).map((r) => ({ fingerprint: r.alert.fingerprint, json: r.json }));
    if (flushPlan.unmuted.length === 0) {
      // Everything muted: the pipeline stops quietly and counts as a success.
      await this.redis.flushOutcome.removeResolved(claim.groupId, resolved);
      return;
    }
    const flushId = sha256Hex(`${claim.groupId}\n${claim.dueAt}`).slice(0, 32);
    const deadline = now + Math.max(route.groupInterval, MIN_FLUSH_TIMEOUT_MS);
    const expiresAt = nflogEntryExpiresAt(now, route.repeatInterval, this.runtime.options.dataRetentionMs);
    const jobs: DeliveryJobData[] = [];
    const directEntries = new Map<string, StoredNflogEntry>();
    let pendingElsewhere = false;
    integrations.forEach((integration, i) => {
      const { entry, inflight } = states[i];
      if (inflight) {
        pendingElsewhere = true;
        return;
      }
      const decision = needsUpdate({
        entry,
        firing: flushPlan.firing,
        resolved: flushPlan.resolved,
        sendResolved: integration.notifier.sendResolved(integration.config),
        repeatIntervalMs: route.repeatInterval,
        now,
      });
      if (!decision.send) return;
      const toSend = flushPlan.integrations[i].alerts;
      if (toSend.length === 0) {
        // send_resolved false and all resolved: nothing goes out, but the log forgets the firing alerts.
        directEntries.set(integration.nflogKey, { firing: flushPlan.firing, resolved: flushPlan.resolved, timestamp: now, expiresAt });
        return;
      }
      jobs.push({
        flushId,
        groupId: claim.groupId,
        groupKey: group.meta.groupKey,
        groupLabels: group.meta.labels,
        nflogKey: integration.nflogKey,
        receiver: route.receiver,
        integration: integration.notifier.integration,
        index: integration.index,
        alerts: toSend,
        now,
        reason: decision.reason!,
        deadline,
        firing: flushPlan.firing,
        resolved: flushPlan.resolved,
        nflogExpiresAt: expiresAt,
      });
    });
    await this.redis.nflog.write(directEntries);
    const resolvedToRemove = pendingElsewhere ? [] : resolved;
    if (jobs.length === 0) {
      await this.redis.flushOutcome.removeResolved(claim.groupId, resolvedToRemove);
      return;
    }
    const markers = jobs.map((j) => ({ nflogKey: j.nflogKey, marker: { jobId: deliveryJobId(j.nflogKey, flushId), until: deadline + INFLIGHT_GRACE_MS } }));
    await this.redis.flushOutcome.begin(flushId, claim.groupId, markers, resolvedToRemove, deadline - now + 2 * INFLIGHT_GRACE_MS);
    await this.queues.enqueue(jobs);
    this.logger.debug('Flushing', { aggrGroup: group.meta.groupKey, receiver: route.receiver, deliveries: jobs.length, alerts: flushPlan.unmuted.length });
  }

  private integrations(plan: DispatchPlan, route: Route, groupKey: string): Integration[] {
    const receiver = plan.receivers.get(route.receiver);
    if (!receiver) return [];
    return this.notifiers.all.flatMap((notifier) =>
      notifier.configs(receiver).map((config, index) => ({ notifier, config, index, nflogKey: nflogKey(groupKey, receiver.name, notifier.integration, index) })),
    );
  }
}
