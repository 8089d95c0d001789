// What every integration (webhook, email, PagerDuty, OpsGenie…) implements to deliver a notification.
import type { LabelSet } from '../../core/src';
import type { ReceiverConfig } from '../../config/src';
import type { StoredAlert } from '../../dispatch/src';

/** One notification for one integration of a receiver: the flushed alerts as that integration gets them. */
export interface Notification {
  /** The receiver name as configured (integrations escape it where Alertmanager does). */
  receiver: string;
  groupKey: string;
  groupLabels: LabelSet;
  /** Sorted; firing alerts have a zero `endsAt`; resolved ones already dropped without send_resolved. */
  alerts: StoredAlert[];
  /** The flush time. */
  now: number;
  /** Alertmanager's `notification_reason`. */
  reason: string;
  externalUrl: string;
}

export interface Notifier<Config = unknown> {
  /** The integration name used in nflog keys and queue names (`webhook`, `email`…). */
  readonly integration: string;
  /** This integration's configs in a receiver, in file order (the index is part of the nflog key). */
  configs(receiver: ReceiverConfig): readonly Config[];
  sendResolved(config: Config): boolean;
  /** Delivers once; throws `NotifyError` (or any error, treated as retryable) on failure. */
  send(config: Config, notification: Notification, signal: AbortSignal): Promise<void>;
  /**
   * Optional: the work that does not depend on the moment of sending (the body), done ahead of
   * it; the function returned delivers once, as `send` does.
   */
  prepare?(config: Config, notification: Notification): PreparedSend;
}

/** One delivery attempt of a prepared notification. */
export type PreparedSend = (signal: AbortSignal) => Promise<void>;

/** `notifier`'s prepared send of `notification`, or its plain send when it prepares nothing. */
export function prepareSend<Config>(notifier: Notifier<Config>, config: Config, notification: Notification): PreparedSend {
  if (!notifier.prepare) return (signal) => notifier.send(config, notification, signal);
  try {
    return notifier.prepare(config, notification);
  } catch (err) {
    // As if the first attempt had failed with it.
    return () => Promise.reject(err);
  }
}

export type FailureReason = 'serverError' | 'clientError' | 'other';

/** A failed delivery; the message never contains secrets (URLs, credentials). */
export class NotifyError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly reason: FailureReason) {
    super(message);
    this.name = 'NotifyError';
  }
}

export function isRetryable(err: unknown): boolean {
  return err instanceof NotifyError ? err.retryable : true;
}
