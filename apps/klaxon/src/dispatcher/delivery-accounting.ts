// What happens around each delivery besides the send itself: the shared rate limit before every
// attempt, Alertmanager's notification metrics, and the notification history once per outcome.
import { Injectable } from '@nestjs/common';
import { Notifier, NotifyError } from '../../../../libs/notify/src';
import { KlaxonMetrics } from '../metrics/klaxon-metrics';
import { DeliveryAttempt, DeliveryHistory } from '../receivers/delivery-history';
import { DeliveryRateLimiter } from '../receivers/delivery-rate-limiter';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

@Injectable()
export class DeliveryAccounting {
  constructor(
    private readonly metrics: KlaxonMetrics,
    private readonly history: DeliveryHistory,
    private readonly rateLimiter: DeliveryRateLimiter,
  ) {}

  /**
   * One attempt: waits for a rate-limit slot (not counted as an attempt), sends, and counts the
   * request (`alertmanager_notification_requests_total`, `…_failed_total`, latency).
   */
  async attempt(notifier: Notifier, config: unknown, signal: AbortSignal, send: (signal: AbortSignal) => Promise<void>): Promise<void> {
    for (let wait = await this.rateLimiter.acquire(notifier, config); wait > 0 && !signal.aborted; wait = await this.rateLimiter.acquire(notifier, config)) {
      await sleep(wait, signal);
    }
    const integration = notifier.integration;
    const started = process.hrtime.bigint();
    this.metrics.notificationRequests.inc({ integration });
    try {
      await send(signal);
    } catch (err) {
      this.metrics.notificationRequestsFailed.inc({ integration });
      throw err;
    } finally {
      this.metrics.notificationLatency.observe({ integration }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /** A delivery's final outcome: `alertmanager_notifications_total`, `…_failed_total{reason}`, and the history. */
  async finished(attempt: Omit<DeliveryAttempt, 'outcome' | 'error'>, error: unknown, deadlinePassed: boolean): Promise<void> {
    const integration = attempt.integration;
    this.metrics.notifications.inc({ integration });
    if (error !== undefined) this.metrics.notificationsFailed.inc({ integration, reason: failureReason(error, deadlinePassed) });
    await this.history.record({
      ...attempt,
      outcome: error === undefined ? 'delivered' : 'failed',
      ...(error !== undefined ? { error: (error as Error).message } : {}),
    });
  }
}

/** Alertmanager's `reason` label of `alertmanager_notifications_failed_total`. */
export function failureReason(error: unknown, deadlinePassed: boolean): string {
  if (deadlinePassed) return 'contextDeadlineExceeded';
  if (error instanceof NotifyError) return error.reason;
  return 'other';
}
