// Alertmanager's retry stage: exponential backoff with jitter until the flush deadline, waiting
// longer when a receiver says so with Retry-After (Alertmanager ignores it).
import { isRetryable } from './notifier';
import { retryWaitMs } from './json-api/retry-after';

export interface BackoffOptions {
  initialMs: number;
  multiplier: number;
  /** 0.5 means each wait is drawn from ±50% around the nominal one. */
  randomization: number;
  maxMs: number;
}

/** cenkalti/backoff defaults, as Alertmanager uses them. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, multiplier: 1.5, randomization: 0.5, maxMs: 60_000 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const nominal = Math.min(options.initialMs * options.multiplier ** attempt, options.maxMs);
  const spread = nominal * options.randomization;
  return nominal - spread + random() * 2 * spread;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export interface RetryOutcome {
  attempts: number;
  error?: unknown;
}

/**
 * Calls `attempt` until it succeeds, fails permanently, or the deadline passes (at least once,
 * even when the deadline is already past). The signal given to `attempt` aborts at the deadline
 * or when `signal` aborts (which also ends the waits between attempts).
 */
export async function retryUntil(
  deadline: number,
  attempt: (signal: AbortSignal) => Promise<void>,
  { signal, backoff = DEFAULT_BACKOFF }: { signal?: AbortSignal; backoff?: BackoffOptions } = {},
): Promise<RetryOutcome> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  const remaining = deadline - Date.now();
  const timer = setTimeout(() => controller.abort(), Math.max(remaining, 1_000));
  try {
    for (let n = 0; ; n++) {
      try {
        await attempt(controller.signal);
        return { attempts: n + 1 };
      } catch (err) {
        // A receiver's Retry-After (429) is honoured when it asks for longer than the backoff.
        const wait = retryWaitMs(err, backoffDelay(n, backoff));
        if (!isRetryable(err) || controller.signal.aborted || Date.now() + wait >= deadline) return { attempts: n + 1, error: err };
        await sleep(wait, controller.signal);
      }
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
