// One run of a delivery, wherever it runs (a BullMQ worker, or the flushing process itself): sends
// with retries until the flush deadline, counts it, and records the outcome in Redis.
import { Injectable } from '@nestjs/common';
import type { Notifier } from '../../../../libs/notify/src';
import type { StoredNflogEntry } from '../../../../libs/store/src/dispatch';
import { prepareSend, retryUntil } from '../../../../libs/notify/src';
import { ConfigStore } from '../config/config-store';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryAccounting } from './delivery-accounting';
import type { DeliveryJobData } from './delivery-job';
import { DispatchRedis } from './dispatch-redis';

/**
 * `interrupted`: `signal` aborted before the delivery ended; nothing was recorded, it must run
 * again. `unrecorded`: it ended, but the flush it belongs to was never committed, so there was
 * nothing to record it in (the group is flushed again once its lease runs out).
 */
export type DeliveryRunOutcome = 'delivered' | 'failed' | 'dropped' | 'interrupted' | 'unrecorded';

/** How a delivery ended: with the nflog entry to write if it succeeded. */
export interface DeliveryEnd {
  entry?: StoredNflogEntry;
}

/**
 * What its flush's commit did for a delivery: left it to `record` its outcome itself, `recorded`
 * it (the delivery had ended when the commit was built), or was `lost` (it failed, so there is
 * nothing to record the outcome in).
 */
export type CommitFate = 'record' | 'recorded' | 'lost';

/** A delivery run by the flushing process itself, before its flush is committed. */
export interface DirectRunHooks {
  /** The flush's due time: the notification is prepared at once and sent then. */
  sendAt: Promise<void>;
  /** Called as soon as the delivery ended, before it waits for `committed`. */
  ended(end: DeliveryEnd): void;
  committed: Promise<CommitFate>;
}

@Injectable()
export class DeliveryRun {
  private readonly logger: Logger;

  constructor(
    private readonly runtime: KlaxonRuntime,
    private readonly redis: DispatchRedis,
    private readonly configStore: ConfigStore,
    private readonly accounting: DeliveryAccounting,
  ) {
    this.logger = runtime.logger.with({ component: 'dispatcher' });
  }

  /**
   * Delivers the job `jobId` (its nflog entry carries that id) and settles it, unless `signal`
   * aborts first (shutdown). A worker's job runs at once, its flush long committed. A `direct`
   * run (by the flushing process) is sent at its `sendAt`, tells `ended` how it ended, and is
   * then counted and, unless its commit recorded it already or was lost, recorded.
   */
  async run(notifier: Notifier, data: DeliveryJobData, jobId: string, signal: AbortSignal, direct?: DirectRunHooks): Promise<DeliveryRunOutcome> {
    const log = this.logger.with({ receiver: data.receiver, integration: `${data.integration}[${data.index}]`, aggrGroup: data.groupKey });
    const committed = direct?.committed ?? Promise.resolve<CommitFate>('record');
    const settle = async (fate: CommitFate, outcome: DeliveryRunOutcome, entry?: StoredNflogEntry): Promise<DeliveryRunOutcome> => {
      if (fate === 'lost') {
        log.warn('Flush not recorded; this notification is sent again when its group is flushed again', { outcome });
        return 'unrecorded';
      }
      if (fate === 'record') await this.redis.flushOutcome.settle({ flushId: data.flushId, groupId: data.groupId, nflogKey: data.nflogKey, jobId, entry });
      return outcome;
    };
    const config = this.integrationConfig(notifier, data);
    if (config === undefined) {
      log.warn('Integration no longer configured; notification dropped');
      direct?.ended({});
      return settle(await committed, 'dropped');
    }
    const notification = {
      receiver: data.receiver,
      groupKey: data.groupKey,
      groupLabels: data.groupLabels,
      alerts: data.alerts,
      now: data.now,
      reason: data.reason,
      externalUrl: this.runtime.externalUrl,
    };
    const send = prepareSend(notifier, config, notification);
    await direct?.sendAt;
    const startedAt = Date.now();
    const outcome = await retryUntil(data.deadline, (attemptSignal) => this.accounting.attempt(notifier, config, attemptSignal, send), { signal });
    if (outcome.error && signal.aborted) return 'interrupted';
    const entry: StoredNflogEntry | undefined = outcome.error
      ? undefined
      : { firing: data.firing, resolved: data.resolved, timestamp: data.now, expiresAt: data.nflogExpiresAt, jobId };
    direct?.ended({ entry });
    // The bookkeeping follows the flush's commit, which a flush sending deliveries itself makes
    // a little after sending them (GroupFlusher).
    const fate = await committed;
    await this.accounting.finished(
      {
        receiver: data.receiver,
        integration: data.integration,
        index: data.index,
        groupKey: data.groupKey,
        groupLabels: data.groupLabels,
        alerts: data.alerts,
        now: data.now,
        reason: data.reason,
        attempts: outcome.attempts,
        startedAt,
      },
      outcome.error,
      Date.now() >= data.deadline,
    );
    if (outcome.error) {
      log.error('Notify for alerts failed', { attempts: outcome.attempts, reason: data.reason, err: (outcome.error as Error).message });
      return settle(fate, 'failed');
    }
    log.debug('Notify success', { attempts: outcome.attempts, alerts: data.alerts.length, reason: data.reason });
    return settle(fate, 'delivered', entry);
  }

  private integrationConfig(notifier: Notifier, data: DeliveryJobData): unknown {
    const receiver = this.configStore.config.receivers.find((r) => r.name === data.receiver);
    return receiver ? notifier.configs(receiver)[data.index] : undefined;
  }
}
