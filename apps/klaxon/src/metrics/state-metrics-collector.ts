import { Injectable } from '@nestjs/common';
import {
  buildInhibitionIndex,
  buildSilenceIndex,
  silenceState,
  Silence,
} from '../../../../libs/dispatch/src';
import { AlertMirror, GROUPS_KEY, PeerRegistry, SCHEDULE_KEY, SilenceRepository } from '../../../../libs/store/src';
import { QUEUE_PREFIX } from '../dispatcher/delivery-queues';
import { deliveryQueueName } from '../dispatcher/delivery-job';
import { ConfigStore } from '../config/config-store';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { INTEGRATIONS, KlaxonMetrics } from './klaxon-metrics';

const REPORTER_KEY = 'klaxon:metrics:reporter';
const REPORTER_LEASE_MS = 60_000;

/**
 * Sets the gauges of state shared by all Klaxon processes (alerts and silences by state, peers).
 * Only one process at a time reports them (a lease in Redis), so summing over replicas does not
 * double count; the others report `klaxon_state_metrics_reporter 0` and leave them out.
 */
@Injectable()
export class StateMetricsCollector {
  constructor(
    private readonly runtime: KlaxonRuntime,
    private readonly configStore: ConfigStore,
    private readonly metrics: KlaxonMetrics,
    private readonly alerts: AlertMirror,
    private readonly silences: SilenceRepository,
    private readonly peers: PeerRegistry,
  ) {}

  async collect(now = Date.now()): Promise<void> {
    this.collectConfig();
    this.collectProcess();
    const started = process.hrtime.bigint();
    try {
      await this.runtime.redis.ping();
      this.metrics.redisLatency.set({}, Number(process.hrtime.bigint() - started) / 1e9);
    } catch {
      this.metrics.redisLatency.set({}, NaN);
      return;
    }
    const reporter = await this.holdReporterLease();
    this.metrics.stateReporter.set({}, reporter ? 1 : 0);
    if (!reporter) {
      for (const g of [this.metrics.alerts, this.metrics.silences, this.metrics.clusterMembers, this.metrics.aggregationGroups, this.metrics.queueJobs, this.metrics.oldestPendingFlush]) g.clear();
      return;
    }
    const silences = (await this.silences.snapshot()).silences;
    await Promise.all([this.collectAlerts(now, silences), this.collectPeers(now), this.collectDispatch(now)]);
    this.collectSilences(now, silences);
  }

  private collectConfig(): void {
    const config = this.configStore.config;
    this.metrics.configHash.set({}, Number.parseInt(this.configStore.hash.slice(0, 12) || '0', 16));
    const status = this.configStore.reloadStatus;
    this.metrics.configLastReloadSuccessful.set({}, status.successful ? 1 : 0);
    if (status.successful) this.metrics.configLastReloadSuccessTimestamp.set({}, status.at.getTime() / 1000);
    this.metrics.receivers.set({}, config.receivers.length);
    let integrations = 0;
    for (const r of config.receivers) {
      integrations += r.emailConfigs.length + r.pagerdutyConfigs.length + r.opsgenieConfigs.length + r.webhookConfigs.length;
    }
    this.metrics.integrations.set({}, integrations);
  }

  private collectProcess(): void {
    const cpu = process.cpuUsage();
    this.metrics.processCpu.set({}, (cpu.user + cpu.system) / 1e6);
    const memory = process.memoryUsage();
    this.metrics.processRss.set({}, memory.rss);
    this.metrics.processHeap.set({}, memory.heapUsed);
  }

  private async holdReporterLease(): Promise<boolean> {
    const me = this.runtime.peerName;
    const acquired = await this.runtime.redis.set(REPORTER_KEY, me, 'PX', REPORTER_LEASE_MS, 'NX');
    if (acquired === 'OK') return true;
    const holder = await this.runtime.redis.get(REPORTER_KEY);
    if (holder !== me) return false;
    await this.runtime.redis.pexpire(REPORTER_KEY, REPORTER_LEASE_MS);
    return true;
  }

  private async collectAlerts(now: number, silences: readonly Silence[]): Promise<void> {
    const current = await this.alerts.current(now);
    const unresolved = [...current.values()];
    const silenceIndex = buildSilenceIndex(silences);
    const inhibition = buildInhibitionIndex(this.configStore.config.inhibitRules, unresolved, now);
    let suppressed = 0;
    for (const alert of unresolved) {
      if (silenceIndex.silencedBy(alert.labels, now).length > 0 || inhibition.inhibitedBy(alert).length > 0) suppressed++;
    }
    this.metrics.alerts.set({ state: 'active' }, unresolved.length - suppressed);
    this.metrics.alerts.set({ state: 'suppressed' }, suppressed);
    this.metrics.alerts.set({ state: 'unprocessed' }, 0);
  }

  private collectSilences(now: number, silences: readonly Silence[]): void {
    const counts = { active: 0, pending: 0, expired: 0 };
    for (const s of silences) counts[silenceState(s, now)]++;
    for (const [state, n] of Object.entries(counts)) this.metrics.silences.set({ state }, n);
  }

  /** Aggregation groups, the most overdue flush, and the delivery queues' jobs by state. */
  private async collectDispatch(now: number): Promise<void> {
    const pipeline = this.runtime.redis.pipeline().hlen(GROUPS_KEY).zrange(SCHEDULE_KEY, 0, 0, 'WITHSCORES');
    const states = ['wait', 'active', 'delayed', 'failed', 'prioritized'] as const;
    for (const integration of INTEGRATIONS) {
      const base = `${QUEUE_PREFIX}:${deliveryQueueName(integration)}`;
      pipeline.llen(`${base}:wait`).llen(`${base}:active`).zcard(`${base}:delayed`).zcard(`${base}:failed`).zcard(`${base}:prioritized`);
    }
    const replies = ((await pipeline.exec()) ?? []).map(([err, value]) => (err ? undefined : value));
    this.metrics.aggregationGroups.set({}, Number(replies[0] ?? 0));
    const first = replies[1] as string[] | undefined;
    this.metrics.oldestPendingFlush.set({}, first && first.length === 2 ? Math.max(0, (now - Number(first[1])) / 1000) : 0);
    INTEGRATIONS.forEach((integration, i) => {
      states.forEach((state, j) => {
        this.metrics.queueJobs.set({ queue: deliveryQueueName(integration), state }, Number(replies[2 + i * states.length + j] ?? 0));
      });
    });
  }

  private async collectPeers(now: number): Promise<void> {
    this.metrics.clusterMembers.set({}, (await this.peers.live(now)).length);
  }
}
