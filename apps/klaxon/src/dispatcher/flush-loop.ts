// Polls the shared schedule and flushes the groups this process claims.
import { Injectable } from '@nestjs/common';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DispatchRedis } from './dispatch-redis';
import { GroupFlusher } from './group-flusher';

/** Groups created by other processes are noticed within this; this process's own timers are exact. */
const POLL_MS = 20;
/** Most flushes this process runs at once; the loop keeps claiming while earlier ones finish. */
const MAX_IN_FLIGHT = 500;
/** A claimed group whose flusher died is claimed again after this long. */
const LEASE_MS = 30_000;
const RETRY_AFTER_ERROR_MS = 500;
/**
 * Groups due this soon are claimed ahead: the flusher reads each one shortly before its due time
 * and sends at the due time to the sub-millisecond (a timer alone fires up to a couple of
 * milliseconds late, and the claim's and the read's round trips would add to that).
 */
const LOOKAHEAD_MS = 10;

@Injectable()
export class FlushLoop {
  private running = false;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private wake?: () => void;
  private readonly logger: Logger;

  constructor(private readonly runtime: KlaxonRuntime, private readonly redis: DispatchRedis, private readonly flusher: GroupFlusher) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** A group became due at `at` (e.g. an old alert made a new group flush at once): look sooner. */
  dueAt(at: number): void {
    if (at <= Date.now()) this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private track(flush: Promise<void>): void {
    this.inFlight.add(flush);
    void flush.finally(() => {
      const wasFull = this.inFlight.size >= MAX_IN_FLIGHT;
      this.inFlight.delete(flush);
      if (wasFull) this.wake?.(); // the loop was waiting for room
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let pause = POLL_MS;
      try {
        const now = Date.now();
        const room = MAX_IN_FLIGHT - this.inFlight.size;
        if (room > 0) {
          const skip = this.flusher.groupsToSkip(now);
          const { claimed, nextDueAt } = await this.redis.schedule.claimDue(now + LOOKAHEAD_MS, LEASE_MS, room, this.runtime.peerName, skip);
          // Flushes run on while the loop goes on claiming: a group falling due during a storm of
          // flushes is claimed within a poll instead of waiting for the whole storm to end.
          for (const claim of claimed) {
            this.track(this.flusher.flush(claim).catch((err) => this.logger.error('Flush failed', { group: claim.groupId, err: (err as Error).message })));
          }
          // A due group left unclaimed (skipped here, or taken by another process) must not make this loop spin.
          if (nextDueAt !== undefined && (nextDueAt > Date.now() || claimed.length > 0)) pause = Math.max(0, Math.min(POLL_MS, nextDueAt - LOOKAHEAD_MS - Date.now()));
          if (claimed.length === room) pause = 0;
        }
      } catch (err) {
        this.logger.warn('Claiming due groups failed; retrying', { err: (err as Error).message });
        pause = RETRY_AFTER_ERROR_MS;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
