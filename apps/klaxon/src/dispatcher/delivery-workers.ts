// Runs delivery jobs (BullMQ workers): the jobs the flushing process did not run itself, and the
// fallbacks of those it did when it died or shut down before finishing.
import { Injectable } from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';
import type { Notifier } from '../../../../libs/notify/src';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryJobData, deliveryQueueName } from './delivery-job';
import { QUEUE_PREFIX } from './delivery-queues';
import { DispatchRedis } from './dispatch-redis';
import { NotifierRegistry } from './notifier-registry';
import { DeliveryRun } from './delivery-run';

/** Deliveries are I/O bound: many may wait on receivers at once. */
const CONCURRENCY = 32;
/**
 * A BullMQ worker fetches its jobs one round trip at a time; several workers per queue fetch in
 * parallel, so a burst of flushes drains several times faster.
 */
const WORKERS_PER_QUEUE = 4;
/** A killed worker's job is taken over after at most about lockDuration + stalledInterval. */
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 5_000;

@Injectable()
export class DeliveryWorkers {
  private readonly workers: Worker<DeliveryJobData>[] = [];
  private readonly shutdown = new AbortController();
  private readonly logger: Logger;

  constructor(
    private readonly runtime: KlaxonRuntime,
    private readonly redis: DispatchRedis,
    private readonly notifiers: NotifierRegistry,
    private readonly delivery: DeliveryRun,
  ) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  start(): void {
    for (const notifier of this.notifiers.all) {
      for (let i = 0; i < WORKERS_PER_QUEUE; i++) this.workers.push(this.startWorker(notifier));
    }
  }

  private startWorker(notifier: Notifier): Worker<DeliveryJobData> {
    const worker = new Worker<DeliveryJobData>(deliveryQueueName(notifier.integration), (job, token) => this.process(notifier, job, token), {
      connection: this.redis.queueConnection,
      prefix: QUEUE_PREFIX,
      concurrency: CONCURRENCY,
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: 5,
    });
    worker.on('error', (err) => this.logger.debug('Delivery worker error', { integration: notifier.integration, err: err.message }));
    return worker;
  }

  /** Stops retry loops (their jobs go back to the queue for another process), then closes. */
  async close(): Promise<void> {
    this.shutdown.abort();
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private async process(notifier: Notifier, job: Job<DeliveryJobData>, token?: string): Promise<void> {
    const data = job.data;
    // A job's first run cannot have sent anything yet; a later run (its process died, or shut
    // down mid-retry), or a fallback job (the flushing process ran the delivery itself first),
    // first checks whether that earlier run already sent and recorded it.
    const mayHaveRun = data.fallback === true || job.attemptsStarted > 1 || job.stalledCounter > 0;
    const existing = mayHaveRun ? await this.redis.nflog.entry(data.nflogKey, Date.now()) : undefined;
    if (existing && existing.jobId === job.id) {
      // Sent and recorded by an earlier run of this job that died before completing.
      await this.redis.flushOutcome.settle({ flushId: data.flushId, groupId: data.groupId, nflogKey: data.nflogKey, jobId: job.id!, entry: existing });
      return;
    }
    if ((await this.delivery.run(notifier, data, job.id!, this.shutdown.signal)) === 'interrupted') {
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
  }
}
