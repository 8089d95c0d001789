// Pipeline stages before dedup (reference 3.6): inhibition, active/mute time intervals, silences.
import { Injectable } from '@nestjs/common';
import { timeIntervalsContain } from '../../../../libs/config/src';
import { Muting, Route, StoredAlert, buildInhibitionIndex } from '../../../../libs/dispatch/src';
import type { DispatchPlan } from './dispatch-plan';
import { DispatchRedis } from './dispatch-redis';

@Injectable()
export class GroupMuting {
  constructor(private readonly redis: DispatchRedis) {}

  async muting(plan: DispatchPlan, route: Route, alerts: readonly StoredAlert[], now: number): Promise<Muting> {
    const timeMuted = this.timeMuted(plan, route, now);
    if (timeMuted) return { timeMuted, inhibited: new Set(), silenced: new Set() };
    const inhibited = await this.inhibited(plan, alerts, now);
    const silences = await this.redis.silences.current();
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
    const sourceFingerprints = await this.redis.inhibitSources.all();
    const records = await this.redis.alerts.get(sourceFingerprints);
    const gone = sourceFingerprints.filter((_, i) => !records[i]);
    await this.redis.inhibitSources.remove(gone);
    const index = buildInhibitionIndex(plan.inhibitRules, records.flatMap((r) => (r ? [r.alert] : [])), now);
    return new Set(alerts.filter((a) => index.inhibitedBy(a).length > 0).map((a) => a.fingerprint));
  }
}
