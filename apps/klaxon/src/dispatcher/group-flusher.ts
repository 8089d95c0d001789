// One flush of one aggregation group (reference 3.5–3.7): muting, dedup per integration, deliveries.
import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../../../../libs/core/src';
import { Route, isResolved, needsUpdate, nflogEntryExpiresAt, nflogKey, planFlush } from '../../../../libs/dispatch/src';
import type { Notifier } from '../../../../libs/notify/src';
import type { AlertRecord, ClaimedGroup, FlushCommitParams, FlushSnapshot, GroupMeta, ResolvedSnapshot, StoredNflogEntry } from '../../../../libs/store/src/dispatch';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryJobData, deliveryJobId } from './delivery-job';
import { DeliveryQueues } from './delivery-queues';
import { DirectCommit, DirectDeliveries, FALLBACK_DELAY_MS } from './direct-deliveries';
import type { DeliveryEnd } from './delivery-run';
import { flushTimeOf, sleepUntil, sleepUntilAbout } from './flush-clock';
import type { DispatchPlan } from './dispatch-plan';
import { DispatchRedis } from './dispatch-redis';
import { DispatchState } from './dispatch-state';
import { stillBelongs } from './group-assignment';
import { GroupMetaCache } from './group-meta-cache';
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
/**
 * A flush reads its group about this long before the due time (on a plain timer) and sends at
 * the due time, so the read's round trip (and its tail under load) is not part of the
 * notification's latency. An alert stored within this window before a flush goes out with the
 * next one.
 */
const READ_AHEAD_MS = 4;
/**
 * A flush that sent notifications itself commits this long after sending them. By then most
 * have ended, and the commit records them itself: no fallback job, in-flight marker or tally for
 * those. The bookkeeping (the commit's transaction, then per delivery the metrics and history:
 * work for this process and for Redis) then leaves the moment of sending to the notifications,
 * to alerts arriving then (a new group's wait starts when its POST is read) and to other groups
 * due then. A process killed meanwhile has sent them without a trace: the group is flushed again
 * after its lease, as for any delivery in flight at a crash.
 */
export const COMMIT_AFTER_SENDS_MS = 25;

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
    private readonly metas: GroupMetaCache,
    private readonly direct: DirectDeliveries,
  ) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  async flush(claim: ClaimedGroup): Promise<void> {
    await sleepUntilAbout(claim.dueAt - READ_AHEAD_MS);
    const plan = this.state.plan;
    const now = flushTimeOf(claim.dueAt);
    const snapshot = await this.readSnapshot(plan, claim.groupId, now);
    if (!snapshot) {
      await this.redis.schedule.finish(claim, 0, { remove: true });
      return;
    }
    const route = plan.routesById.get(snapshot.meta.routeId);
    if (!route) {
      const since = await this.redis.groups.unroutedSince(claim.groupId, now);
      const remove = now - since >= UNROUTED_GRACE_MS;
      if (!remove) this.unroutable.set(claim.groupId, now + UNROUTED_SKIP_MS);
      this.logger.debug('No route for group in this configuration', { aggrGroup: snapshot.meta.groupKey, removed: remove });
      await this.redis.schedule.finish(claim, now, { remove, routed: false });
      return;
    }
    const { kept, dropped } = this.currentMembers(plan, route, snapshot);
    if (kept.length === 0) {
      this.logger.debug('Group has no alerts left; removed', { aggrGroup: snapshot.meta.groupKey });
      await this.redis.groups.removeMembers(claim.groupId, dropped);
      await this.redis.schedule.finish(claim, 0, { remove: true });
      return;
    }
    await this.notify(plan, route, claim, snapshot, kept, dropped, now);
  }

  /**
   * The group's state in one round trip when its metadata is known here (it names the nflog
   * keys); otherwise a first read learns the metadata and a second one adds the nflog.
   */
  private async readSnapshot(plan: DispatchPlan, groupId: string, now: number): Promise<FlushSnapshot | undefined> {
    const known = this.metas.get(groupId);
    const first = await this.redis.flushSnapshots.read(groupId, known ? this.nflogKeys(plan, known) : [], now);
    if (!first || known) return first;
    this.metas.remember(groupId, first.meta);
    const keys = this.nflogKeys(plan, first.meta);
    return keys.length > 0 ? this.redis.flushSnapshots.read(groupId, keys, now) : first;
  }

  private nflogKeys(plan: DispatchPlan, meta: GroupMeta): string[] {
    const route = plan.routesById.get(meta.routeId);
    return route ? this.integrations(plan, route, meta.groupKey).map((i) => i.nflogKey) : [];
  }

  /** Groups to leave to other processes now (their route is unknown here). */
  groupsToSkip(now: number): string[] {
    for (const [id, until] of this.unroutable) if (until <= now) this.unroutable.delete(id);
    return [...this.unroutable.keys()];
  }

  /** The group's alerts, without members that are gone or no longer land in this group. */
  private currentMembers(plan: DispatchPlan, route: Route, snapshot: FlushSnapshot): { kept: AlertRecord[]; dropped: string[] } {
    const kept: AlertRecord[] = [];
    const dropped: string[] = [];
    for (const { fingerprint, record } of snapshot.members) {
      if (record && stillBelongs(plan, route, snapshot.meta.labels, record.alert)) kept.push(record);
      else dropped.push(fingerprint);
    }
    return { kept, dropped };
  }

  /**
   * Muting, dedup per integration, and one transaction with all the flush's writes, its
   * delivery jobs and the next tick (as Alertmanager re-arms its timer when it fires: ticks
   * drift by the flush latency).
   */
  private async notify(plan: DispatchPlan, route: Route, claim: ClaimedGroup, snapshot: FlushSnapshot, records: AlertRecord[], dropped: string[], now: number): Promise<void> {
    const group = snapshot.meta;
    const alerts = records.map((r) => r.alert);
    const integrations = this.integrations(plan, route, group.groupKey);
    const muting = await this.muting.muting(plan, route, alerts, now, snapshot.silencesVersion);
    const flushPlan = planFlush({ alerts, now, muting, integrations: integrations.map((i) => ({ sendResolved: i.notifier.sendResolved(i.config) })) });
    const resolved: ResolvedSnapshot[] = records.filter((r) => isResolved(r.alert, now)).map((r) => ({ fingerprint: r.alert.fingerprint, json: r.json }));
    const flushId = sha256Hex(`${claim.groupId}\n${claim.dueAt}`).slice(0, 32);
    const deadline = now + Math.max(route.groupInterval, MIN_FLUSH_TIMEOUT_MS);
    const expiresAt = nflogEntryExpiresAt(now, route.repeatInterval, this.runtime.options.dataRetentionMs);
    const jobs: DeliveryJobData[] = [];
    const entries = new Map<string, StoredNflogEntry>();
    let pendingElsewhere = false;
    // Everything muted: the pipeline stops quietly and counts as a success.
    if (flushPlan.unmuted.length > 0) {
      integrations.forEach((integration, i) => {
        const { entry, inflight } = snapshot.nflog[i];
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
          entries.set(integration.nflogKey, { firing: flushPlan.firing, resolved: flushPlan.resolved, timestamp: now, expiresAt });
          return;
        }
        jobs.push({
          flushId,
          groupId: claim.groupId,
          groupKey: group.groupKey,
          groupLabels: group.labels,
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
    }
    // Read (and prepared) ahead; everything goes out at the due time.
    const due = sleepUntil(claim.dueAt);
    // Up to its room, this process sends the deliveries itself, before the commit: that follows
    // COMMIT_AFTER_SENDS_MS later. It records the deliveries that ended by then, and adds the
    // jobs of the others as delayed fallbacks (they are recorded once it landed). The rest go to
    // the workers.
    const direct = Math.min(jobs.length, this.direct.room());
    for (let i = 0; i < direct; i++) jobs[i].fallback = true;
    const ends: (DeliveryEnd | undefined)[] = [];
    const commit = this.commit(due, direct > 0, jobs, ends, {
      claim,
      flushId,
      dropped,
      entries,
      resolved: pendingElsewhere ? [] : resolved,
      tallyTtlMs: deadline - now + 2 * INFLIGHT_GRACE_MS,
      nextAt: now + route.groupInterval,
    });
    this.direct.start(jobs.slice(0, direct), due, commit, (i, end) => (ends[i] = end));
    await commit;
    if (jobs.length > 0) this.logger.debug('Flushing', { aggrGroup: group.groupKey, receiver: route.receiver, deliveries: jobs.length, alerts: flushPlan.unmuted.length });
  }

  /**
   * One transaction with the flush's writes and its delivery jobs, at the due time; when
   * deliveries are being sent (they go first), COMMIT_AFTER_SENDS_MS later. `ends[i]` tells how
   * `jobs[i]`, sent by this process, ended: those that did are recorded here and get no job, no
   * in-flight marker and no place in the tally.
   */
  private async commit(
    due: Promise<void>,
    afterSends: boolean,
    jobs: readonly DeliveryJobData[],
    ends: readonly (DeliveryEnd | undefined)[],
    params: Omit<FlushCommitParams, 'deliveries' | 'failed'>,
  ): Promise<DirectCommit> {
    await due;
    if (afterSends) await new Promise((resolve) => setTimeout(resolve, COMMIT_AFTER_SENDS_MS));
    const recorded = new Set<string>();
    const entries = new Map(params.entries);
    let failed = false;
    const pending = jobs.filter((job, i) => {
      const end = ends[i];
      if (!end) return true;
      recorded.add(deliveryJobId(job.nflogKey, job.flushId));
      if (end.entry) entries.set(job.nflogKey, end.entry);
      else failed = true;
      return false;
    });
    const deliveries = pending.map((j) => ({ nflogKey: j.nflogKey, marker: { jobId: deliveryJobId(j.nflogKey, j.flushId), until: j.deadline + INFLIGHT_GRACE_MS } }));
    const tx = await this.queues.transaction();
    this.redis.flushCommit.append(tx, { ...params, entries, deliveries, failed });
    const added = await this.queues.appendJobs(tx, pending, FALLBACK_DELAY_MS);
    const error = ((await tx.exec()) ?? []).find(([err]) => err);
    if (error) throw error[0];
    return { recorded, fallbacks: new Map(added.filter((job) => job.data.fallback).map((job) => [job.id!, job])) };
  }

  private integrations(plan: DispatchPlan, route: Route, groupKey: string): Integration[] {
    const receiver = plan.receivers.get(route.receiver);
    if (!receiver) return [];
    return this.notifiers.all.flatMap((notifier) =>
      notifier.configs(receiver).map((config, index) => ({ notifier, config, index, nflogKey: nflogKey(groupKey, receiver.name, notifier.integration, index) })),
    );
  }
}
