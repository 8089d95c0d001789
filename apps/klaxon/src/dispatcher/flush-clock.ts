// The time a flush runs at, in Unix ms with a sub-millisecond fraction, and waiting for it.

/**
 * Wall-clock milliseconds plus the sub-millisecond part of the monotonic clock. Alertmanager's
 * ticks are nanosecond times, so "timestamp < now − repeat_interval" is practically never a tie;
 * whole milliseconds would make repeats land one tick late at random.
 */
export function flushClock(): number {
  return Date.now() + (performance.now() % 1);
}

/**
 * The time a flush due at `dueAt` decides as of: its due time (with a sub-millisecond fraction),
 * even when it prepares a little earlier, or the present when it runs late.
 */
export function flushTimeOf(dueAt: number): number {
  const planned = Number.isInteger(dueAt) ? dueAt + (performance.now() % 1) : dueAt;
  return Math.max(flushClock(), planned);
}

/** Resolves at `at` (Unix ms): a timer for the bulk of the wait, then yields until the moment. */
export async function sleepUntil(at: number): Promise<void> {
  if (at - flushClock() > 2) await new Promise((r) => setTimeout(r, at - flushClock() - 2));
  while (flushClock() < at) await new Promise((r) => setImmediate(r));
}
