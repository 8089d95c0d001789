// The time a flush runs at, in Unix ms with a sub-millisecond fraction, and waiting for it.

/**
 * Wall-clock milliseconds plus the sub-millisecond part of the monotonic clock. Alertmanager's
 * ticks are nanosecond times, so "timestamp < now − repeat_interval" is practically never a tie;
 * whole milliseconds would make repeats land one tick late at random.
 */
export function flushClock(): number {
  const now = Date.now() + (performance.now() % 1);
  // The monotonic fraction wraps at its own moments, not when Date.now() ticks: within a
  // millisecond the sum could step back. It never does; a real clock change is followed.
  lastFlushClock = now < lastFlushClock && lastFlushClock - now <= 1 ? lastFlushClock : now;
  return lastFlushClock;
}

let lastFlushClock = 0;

/**
 * The time a flush due at `dueAt` decides as of: its due time (with a sub-millisecond fraction),
 * even when it prepares a little earlier, or the present when it runs late.
 */
export function flushTimeOf(dueAt: number): number {
  const planned = Number.isInteger(dueAt) ? dueAt + (performance.now() % 1) : dueAt;
  return Math.max(flushClock(), planned);
}

/**
 * A timer set for a fractional-millisecond moment fires between about 1.8 ms early and 0.3 ms
 * late (libuv counts whole milliseconds); the rest of a wait is watched from slightly before.
 */
const WATCH_MS = 0.5;

/**
 * The longest one event-loop turn watches before letting other work run. A turn of the loop
 * alone takes a few microseconds: yielding at every turn would make hundreds of turns per wait,
 * each leaving an `Immediate` behind (half of what an idle process allocated).
 */
const SLICE_MS = 0.1;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks this thread for `ms` milliseconds (nothing ever wakes the cell waited on). Unlike a
 * busy wait, it leaves the CPU to other processes and allocates nothing: a loop on
 * `performance.now()` boxes every reading until the optimizing compiler takes it up.
 */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Waits that end in the next milliseconds, watched for all of them at once, by turns of at most
 * SLICE_MS of the event loop (a check per waiter, or a promise per turn, would make garbage that
 * a scavenge then has to collect, at the moment a notification is due).
 */
class DueWatch {
  private readonly waiting: { at: number; resolve: () => void }[] = [];
  private watching = false;

  add(at: number, resolve: () => void): void {
    this.waiting.push({ at, resolve });
    if (!this.watching) {
      this.watching = true;
      setImmediate(this.check);
    }
  }

  private readonly check = (): void => {
    const sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const now = flushClock();
      const before = this.waiting.length;
      const earliest = this.resolveDue(now);
      if (earliest === undefined) {
        this.watching = false;
        return;
      }
      // Resolved waits run once this turn ends; the rest are watched from the next one.
      const left = sliceEnd - performance.now();
      if (this.waiting.length < before || left <= 0) break;
      pause(Math.min(earliest - now, left));
    }
    setImmediate(this.check);
  };

  /** Resolves the waits due at `now`; returns the earliest moment still awaited. */
  private resolveDue(now: number): number | undefined {
    let kept = 0;
    let earliest: number | undefined;
    for (const waiter of this.waiting) {
      if (waiter.at <= now) waiter.resolve();
      else {
        this.waiting[kept++] = waiter;
        if (earliest === undefined || waiter.at < earliest) earliest = waiter.at;
      }
    }
    this.waiting.length = kept;
    return earliest;
  }
}

const dueWatch = new DueWatch();

/** Resolves at about `at` (Unix ms): a timer alone, up to a couple of milliseconds early or late. */
export function sleepUntilAbout(at: number): Promise<void> {
  const ahead = at - flushClock();
  return ahead <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ahead));
}

/** Resolves at `at` (Unix ms), to the sub-millisecond: a timer for the bulk of the wait, then a watch of the last stretch. */
export function sleepUntil(at: number): Promise<void> {
  const ahead = at - flushClock();
  if (ahead <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    if (ahead <= WATCH_MS) dueWatch.add(at, resolve);
    else setTimeout(() => dueWatch.add(at, resolve), ahead - WATCH_MS);
  });
}
