// Turns alert events into group memberships: new events, abandoned events, and full rebuilds.
import { Injectable } from '@nestjs/common';
import type { StoredAlert } from '../../../../libs/dispatch/src';
import { decodeAlert } from '../../../../libs/store/src';
import type { AlertEvent } from '../../../../libs/store/src/dispatch';
import type { Logger } from '../logging/logger';
import { ALERTS_PER_TURN, nextTurn } from '../runtime/event-loop-turns';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DispatchRedis } from './dispatch-redis';
import { DispatchState } from './dispatch-state';
import { FlushLoop } from './flush-loop';
import { GroupMetaCache } from './group-meta-cache';
import { isInhibitionSource, membershipsOf } from './group-assignment';

/** Events per read: each holds up to a whole POST's fingerprints, read back in one HMGET. */
const READ_COUNT = 8;
const READ_BLOCK_MS = 1_000;
const ABANDONED_AFTER_MS = 15_000;
const CLAIM_EVERY_MS = 5_000;
const RETRY_AFTER_ERROR_MS = 500;
const REBUILD_BATCH = 1_000;

@Injectable()
export class AlertIngestor {
  private running = false;
  private loop?: Promise<void>;
  private readonly logger: Logger;

  constructor(
    runtime: KlaxonRuntime,
    private readonly redis: DispatchRedis,
    private readonly state: DispatchState,
    private readonly flushLoop: FlushLoop,
    private readonly metas: GroupMetaCache,
  ) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  /** Joins the consumer group first, so no event between the rebuild and the first read is missed. */
  async prepare(): Promise<void> {
    await this.redis.events.ensureGroup();
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Re-derives every group membership from all stored alerts (on start and on reload). Idempotent. */
  async rebuild(): Promise<void> {
    let count = 0;
    await this.redis.alerts.scan(REBUILD_BATCH, async (batch) => {
      await this.record(batch, (r) => r.alert);
      count += batch.length;
    });
    this.logger.debug('Rebuilt aggregation groups from stored alerts', { alerts: count });
  }

  private async run(): Promise<void> {
    let lastClaim = 0;
    while (this.running) {
      try {
        if (Date.now() - lastClaim >= CLAIM_EVERY_MS) {
          lastClaim = Date.now();
          await this.handle(await this.redis.events.claimAbandoned(ABANDONED_AFTER_MS, READ_COUNT));
        }
        await this.handle(await this.redis.events.readNew(READ_COUNT, READ_BLOCK_MS));
      } catch (err) {
        if (!this.running) break;
        this.logger.warn('Reading alert events failed; retrying', { err: (err as Error).message });
        await new Promise((r) => setTimeout(r, RETRY_AFTER_ERROR_MS));
        if (/NOGROUP/.test((err as Error).message)) await this.recoverLostStream();
      }
    }
  }

  /** Redis came back without its data (no persistence): join the stream again and rebuild. */
  private async recoverLostStream(): Promise<void> {
    try {
      await this.prepare();
      await this.rebuild();
    } catch (err) {
      this.logger.warn('Rejoining alert events failed; retrying', { err: (err as Error).message });
    }
  }

  private async handle(events: AlertEvent[]): Promise<void> {
    if (events.length === 0) return;
    const fingerprints = [...new Set(events.flatMap((e) => e.fingerprints))];
    const texts = await this.redis.alerts.texts(fingerprints);
    await this.record(texts, decodeAlert);
    await this.redis.events.ack(events.map((e) => e.id));
  }

  /**
   * In slices of ALERTS_PER_TURN alerts (each decoded with its slice), so flushes falling due
   * meanwhile are not held up by a large batch.
   */
  private async record<T>(items: readonly T[], toAlert: (item: T) => StoredAlert): Promise<void> {
    const plan = this.state.plan;
    for (let start = 0; start < items.length; start += ALERTS_PER_TURN) {
      if (start > 0) await nextTurn();
      const slice = items.slice(start, start + ALERTS_PER_TURN).map(toAlert);
      const now = Date.now();
      const memberships = slice.flatMap((alert) => membershipsOf(plan, alert, now));
      await this.redis.groups.addMembers(memberships);
      for (const m of memberships) this.metas.remember(m.groupId, m.meta);
      if (memberships.some((m) => m.flushAtOnce)) this.flushLoop.dueAt(now);
      await this.redis.inhibitSources.add(slice.filter((a) => isInhibitionSource(plan, a)).map((a) => a.fingerprint));
    }
  }
}
