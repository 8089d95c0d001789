// The time a flush runs at, in Unix ms with a sub-millisecond fraction.

/**
 * Wall-clock milliseconds plus the sub-millisecond part of the monotonic clock. Alertmanager's
 * ticks are nanosecond times, so "timestamp < now − repeat_interval" is practically never a tie;
 * whole milliseconds would make repeats land one tick late at random.
 */
export function flushClock(): number {
  return Date.now() + (performance.now() % 1);
}
