// Pipeline stages before dedup (reference 3.6): inhibition, active/mute time intervals, silences.
import { Injectable } from '@nestjs/common';
import { timeIntervalsContain } from '../../../../libs/config/src';
import { InhibitionIndex, Muting, Route, StoredAlert, buildInhibitionIndex } from '../../../../libs/dispatch/src';
import type { DispatchPlan } from './dispatch-plan';
import { DispatchRedis } from './dispatch-redis';

/**
 * How long one read of the inhibition sources serves later flushes. A burst of flushes then
 * reads them once, not once per group; a source that changes is seen at most this much later.
 */
const INHIBITION_INDEX_TTL_MS = 200;

@Injectable()
export class GroupMuting {
  private inhibition?: { plan: DispatchPlan; builtAt: number; index: Promise<InhibitionIndex> };

  constructor(private readonly redis: DispatchRedis) {}

  /** `silencesVersion`: `klaxon:silences:version` as the flush read it, so the silences need no read of their own. */
  async muting(plan: DispatchPlan, route: Route, alerts: readonly StoredAlert[], now: number, silencesVersion?: string | null): Promise<Muting> {
    const timeMuted = this.timeMuted(plan, route, now);
    if (timeMuted) return { timeMuted, inhibited: new Set(), silenced: new Set() };
    const inhibited = await this.inhibited(plan, alerts, now);
    const silences = await this.redis.silences.current(silencesVersion);
    const silenced = new Set(alerts.filter((a) => silences.silencedBy(a.labels, now).length > 0).map((a) => a.fingerprint));
    return { timeMuted, inhibited, silenced };
  }

  /** Outside every active_time_interval (when any is set), or inside a mute_time_interval. */
  private timeMuted(plan: DispatchPlan, route: Route, now: number): boolean {
    const at = new Date(now);
    const contains = (name: string) => timeIntervalsContain(plan.timeIntervals.get(name)?.timeIntervals ?? [], at);
    if (route.activeTimeIntervals.length > 0 && !route.activeTimeIntervals.some(contains)) return true;
    return route.muteTimeIntervals.some(contains);
  }

  private async inhibited(plan: DispatchPlan, alerts: readonly StoredAlert[], now: number): Promise<Set<string>> {
    if (plan.inhibitRules.length === 0) return new Set();
    const cached = this.inhibition;
    const fresh = cached && cached.plan === plan && now >= cached.builtAt && now - cached.builtAt < INHIBITION_INDEX_TTL_MS;
    if (!fresh) this.inhibition = { plan, builtAt: now, index: this.buildIndex(plan, now) };
    const index = await this.inhibition!.index.catch((err) => {
      this.inhibition = undefined;
      throw err;
    });
    return new Set(alerts.filter((a) => index.inhibitedBy(a).length > 0).map((a) => a.fingerprint));
  }

  private async buildIndex(plan: DispatchPlan, now: number): Promise<InhibitionIndex> {
    const sourceFingerprints = await this.redis.inhibitSources.all();
    const records = await this.redis.alerts.get(sourceFingerprints);
    await this.redis.inhibitSources.remove(sourceFingerprints.filter((_, i) => !records[i]));
    return buildInhibitionIndex(plan.inhibitRules, records.flatMap((r) => (r ? [r.alert] : [])), now);
  }
}
