// Deliveries run by the process that flushed them, without waiting for a BullMQ worker: the
// notification leaves before the flush's commit. A delivery that ended by then is recorded by the
// commit itself. Any other's job is committed with the flush as a delayed fallback, kept delayed
// while the run lasts and removed once the run is recorded; it runs (in any process) only if this
// one died or shut down first.
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryJobData, deliveryJobId } from './delivery-job';
import { CommitFate, DeliveryEnd, DeliveryRun, DirectRunHooks } from './delivery-run';
import { NotifierRegistry } from './notifier-registry';

/** A fallback job runs this long after its process last showed it was still delivering. */
export const FALLBACK_DELAY_MS = 10_000;
const RENEW_EVERY_MS = 3_000;
/** Deliveries this process runs at once; a flush hands any beyond this to the workers. */
const MAX_RUNNING = 128;

/** What a flush's transaction did with the deliveries its process sends itself. */
export interface DirectCommit {
  /** Job ids of the deliveries whose outcome it wrote (they had ended when it was built). */
  recorded: ReadonlySet<string>;
  /** The fallback jobs of the others, by job id. */
  fallbacks: ReadonlyMap<string, Job<DeliveryJobData>>;
}

@Injectable()
export class DirectDeliveries {
  private readonly running = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private readonly logger: Logger;

  constructor(runtime: KlaxonRuntime, private readonly notifiers: NotifierRegistry, private readonly delivery: DeliveryRun) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  /** How many more deliveries this process takes on now. */
  room(): number {
    return this.shutdown.signal.aborted ? 0 : Math.max(0, MAX_RUNNING - this.running.size);
  }

  /**
   * Prepares `deliveries` now and sends them when `sendAt` resolves; `ended(i, end)` tells, as
   * soon as the i-th one ended, how. `commit` resolves once the flush's transaction landed, or
   * rejects if it failed: a delivery is counted and recorded only after it, since the transaction
   * writes the tally and in-flight markers that recording settles (or the outcome itself).
   */
  start(deliveries: readonly DeliveryJobData[], sendAt: Promise<void>, commit: Promise<DirectCommit>, ended: (index: number, end: DeliveryEnd) => void): void {
    deliveries.forEach((data, i) => {
      const jobId = deliveryJobId(data.nflogKey, data.flushId);
      const committed = commit.then((c): CommitFate => (c.recorded.has(jobId) ? 'recorded' : 'record'), (): CommitFate => 'lost');
      const job = commit.then((c) => c.fallbacks.get(jobId), () => undefined);
      const run = this.deliver(data, jobId, job, { sendAt, ended: (end) => ended(i, end), committed }).catch((err) =>
        this.logger.warn('Delivery in the flushing process broke off; its fallback job runs it', { aggrGroup: data.groupKey, err: (err as Error).message }),
      );
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    });
  }

  /** Stops retry loops and hands their jobs to the workers of any process at once. */
  async close(): Promise<void> {
    this.shutdown.abort();
    await Promise.all(this.running);
  }

  private async deliver(data: DeliveryJobData, jobId: string, fallbackJob: Promise<Job<DeliveryJobData> | undefined>, hooks: DirectRunHooks): Promise<void> {
    const notifier = this.notifiers.get(data.integration);
    if (!notifier) throw new Error(`no notifier for integration ${data.integration}`);
    let job: Job<DeliveryJobData> | undefined;
    void fallbackJob.then((j) => (job = j));
    const renewal = setInterval(() => {
      job?.changeDelay(FALLBACK_DELAY_MS).catch((err) => {
        clearInterval(renewal);
        this.logger.warn('Could not hold back the fallback job of a running delivery; it may be sent twice', { aggrGroup: data.groupKey, err: (err as Error).message });
      });
    }, RENEW_EVERY_MS);
    let outcome;
    try {
      outcome = await this.delivery.run(notifier, data, jobId, this.shutdown.signal, hooks);
    } finally {
      clearInterval(renewal);
    }
    // No job: the transaction recorded the delivery itself, or failed (then the group is flushed
    // again once its lease runs out).
    job = await fallbackJob;
    if (!job) return;
    if (outcome === 'interrupted') {
      await job.promote();
      return;
    }
    // Recorded. If the job stays, it finds its own nflog entry when it runs and sends nothing.
    await job.remove().catch((err) => this.logger.debug('Fallback job not removed', { aggrGroup: data.groupKey, err: (err as Error).message }));
  }
}
