// A receiver's `Retry-After` answer (seconds or an HTTP date) and the error that carries it, so the
// delivery worker can wait at least that long before the next attempt (Alertmanager ignores it).
import { FailureReason, NotifyError } from '../notifier';

/** Never wait longer than this for one Retry-After, whatever the receiver says. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

export class RetryAfterError extends NotifyError {
  constructor(message: string, reason: FailureReason, readonly retryAfterMs: number) {
    super(message, true, reason);
    this.name = 'RetryAfterError';
  }
}

/** Milliseconds to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - now, 0), MAX_RETRY_AFTER_MS);
}

/** How long the worker must wait before retrying `err`: the receiver's Retry-After, else 0. */
export function retryAfterMs(err: unknown): number {
  return err instanceof RetryAfterError ? err.retryAfterMs : 0;
}

/** The pause before the next attempt: the backoff, or longer when the receiver asked for it. */
export function retryWaitMs(err: unknown, backoffMs: number): number {
  return Math.max(backoffMs, retryAfterMs(err));
}
