// Records delivery attempts in the notification history. The delivery worker calls `record` once per
// job outcome; a history that cannot be written never fails a delivery (it is logged instead).
import { Injectable } from '@nestjs/common';
import type { StoredAlert } from '../../../../libs/dispatch/src';
import { isResolved } from '../../../../libs/dispatch/src';
import { NotificationHistory } from '../../../../libs/store/src';
import type { DeliveryOutcome } from '../../../../libs/store/src';
import type { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';

export interface DeliveryAttempt {
  receiver: string;
  integration: string;
  index: number;
  groupKey: string;
  groupLabels: Record<string, string>;
  alerts: readonly StoredAlert[];
  /** The flush time (decides firing/resolved, as in the notification). */
  now: number;
  reason: string;
  outcome: DeliveryOutcome;
  attempts: number;
  /** When the first attempt started (Unix ms). */
  startedAt: number;
  /** The NotifyError message (never holds secrets). */
  error?: string;
  test?: boolean;
}

@Injectable()
export class DeliveryHistory {
  readonly history: NotificationHistory;
  private readonly logger: Logger;

  constructor(runtime: KlaxonRuntime) {
    this.history = new NotificationHistory(runtime.redis);
    this.logger = runtime.logger.with({ component: 'history' });
  }

  async record(attempt: DeliveryAttempt): Promise<void> {
    const at = Date.now();
    try {
      await this.history.record({
        at,
        receiver: attempt.receiver,
        integration: attempt.integration,
        index: attempt.index,
        groupKey: attempt.groupKey,
        groupLabels: { ...attempt.groupLabels },
        alerts: attempt.alerts.map((a) => ({ fingerprint: a.fingerprint, status: isResolved(a, attempt.now) ? 'resolved' : 'firing' })),
        reason: attempt.reason,
        outcome: attempt.outcome,
        attempts: attempt.attempts,
        latencyMs: Math.max(0, at - attempt.startedAt),
        ...(attempt.error !== undefined ? { error: attempt.error } : {}),
        ...(attempt.test ? { test: true } : {}),
      });
    } catch (err) {
      this.logger.warn('Recording the notification history failed', { err: (err as Error).message });
    }
  }
}
