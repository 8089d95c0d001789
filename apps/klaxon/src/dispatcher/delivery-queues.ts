// One BullMQ queue per integration type, so a slow integration never holds up another.
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DeliveryJobData, deliveryJobId, deliveryQueueName } from './delivery-job';
import { DispatchRedis } from './dispatch-redis';
import { NotifierRegistry } from './notifier-registry';

export const QUEUE_PREFIX = 'klaxon:queue';

@Injectable()
export class DeliveryQueues {
  private readonly queues = new Map<string, Queue<DeliveryJobData>>();

  constructor(redis: DispatchRedis, notifiers: NotifierRegistry) {
    for (const notifier of notifiers.all) {
      const queue = new Queue<DeliveryJobData>(deliveryQueueName(notifier.integration), {
        connection: redis.queueConnection,
        prefix: QUEUE_PREFIX,
        defaultJobOptions: { removeOnComplete: { count: 1_000, age: 3_600 }, removeOnFail: { count: 5_000, age: 86_400 } },
      });
      queue.on('error', () => undefined); // connection errors: the shared connection reconnects
      this.queues.set(notifier.integration, queue);
    }
  }

  async enqueue(jobs: readonly DeliveryJobData[]): Promise<void> {
    await Promise.all(
      jobs.map((data) => {
        const queue = this.queues.get(data.integration);
        if (!queue) throw new Error(`no delivery queue for integration ${data.integration}`);
        return queue.add(data.integration, data, { jobId: deliveryJobId(data.nflogKey, data.flushId) });
      }),
    );
  }

  /** After the workers: closing a queue first would break jobs still finishing. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
