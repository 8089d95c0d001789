// One BullMQ queue per integration type, so a slow integration never holds up another.
import { Injectable } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import type { ChainableCommander } from 'ioredis';
import { DeliveryJobData, deliveryJobId, deliveryQueueName } from './delivery-job';
import { DispatchRedis } from './dispatch-redis';
import { NotifierRegistry } from './notifier-registry';

export const QUEUE_PREFIX = 'klaxon:queue';

const JOB_OPTIONS: JobsOptions = { removeOnComplete: { count: 1_000, age: 3_600 }, removeOnFail: { count: 5_000, age: 86_400 } };

@Injectable()
export class DeliveryQueues {
  private readonly queues = new Map<string, Queue<DeliveryJobData>>();

  constructor(redis: DispatchRedis, notifiers: NotifierRegistry) {
    for (const notifier of notifiers.all) {
      const queue = new Queue<DeliveryJobData>(deliveryQueueName(notifier.integration), {
        connection: redis.queueConnection,
        prefix: QUEUE_PREFIX,
        defaultJobOptions: JOB_OPTIONS,
      });
      queue.on('error', () => undefined); // connection errors: the shared connection reconnects
      this.queues.set(notifier.integration, queue);
    }
  }

  /**
   * A MULTI on the queues' shared connection (through BullMQ's client, which knows its job
   * scripts): a flush queues its own writes and its jobs on it, so all of them happen or none.
   */
  async transaction(): Promise<ChainableCommander> {
    const queue = this.queues.values().next().value;
    if (!queue) throw new Error('no delivery queues');
    return (await queue.client).multi() as unknown as ChainableCommander;
  }

  /**
   * Queues the jobs' creation on `tx` (ids are deterministic: a repeated flush adds nothing).
   * Fallback jobs (`data.fallback`) are added delayed by `fallbackDelayMs`.
   */
  async appendJobs(tx: ChainableCommander, jobs: readonly DeliveryJobData[], fallbackDelayMs = 0): Promise<Job<DeliveryJobData>[]> {
    const added = jobs.map(async (data) => {
      const queue = this.queues.get(data.integration);
      if (!queue) throw new Error(`no delivery queue for integration ${data.integration}`);
      const jobId = deliveryJobId(data.nflogKey, data.flushId);
      const opts: JobsOptions = { ...JOB_OPTIONS, jobId, ...(data.fallback ? { delay: fallbackDelayMs } : {}) };
      const job = new Job<DeliveryJobData>(queue, data.integration, data, opts, jobId);
      // Resolves as soon as the command is queued on the transaction; rejects on invalid options.
      await job.addJob(tx as never);
      return job;
    });
    return Promise.all(added);
  }

  /** After the workers: closing a queue first would break jobs still finishing. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
