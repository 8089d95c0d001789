import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flushClock, flushTimeOf, sleepUntil, sleepUntilAbout } from './flush-clock';

describe('flush clock', () => {
  it('decides a flush prepared ahead as of its due time, keeping a sub-millisecond fraction for whole-ms due times', () => {
    const due = Date.now() + 50;
    const at = flushTimeOf(due);
    assert.ok(at >= due && at < due + 1, `${at} is not within the due millisecond ${due}`);
    const fractional = due + 0.25;
    assert.equal(flushTimeOf(fractional), fractional);
  });

  it('never steps back, though its fraction wraps at other moments than the milliseconds', () => {
    let previous = flushClock();
    for (let i = 0; i < 200_000; i++) {
      const now = flushClock();
      assert.ok(now >= previous, `stepped back ${previous - now} ms`);
      previous = now;
    }
  });

  it('decides a late flush as of the present', () => {
    const due = Date.now() - 1_000;
    const before = flushClock();
    const at = flushTimeOf(due);
    assert.ok(at >= before && at <= flushClock(), `${at} is not the present`);
  });

  it('sleeps until the given moment, not before and not much after', async () => {
    for (const ahead of [0.5, 3, 25]) {
      const at = flushClock() + ahead;
      await sleepUntil(at);
      const woke = flushClock();
      assert.ok(woke >= at, `woke ${at - woke} ms early`);
      assert.ok(woke - at < 20, `woke ${woke - at} ms late`);
    }
  });

  it('sleeps until about a moment on a timer alone', async () => {
    const at = flushClock() + 30;
    await sleepUntilAbout(at);
    const woke = flushClock();
    assert.ok(woke >= at - 3 && woke < at + 20, `woke ${woke - at} ms from the moment`);
  });

  it('ends many waits at once each at its own moment', async () => {
    const start = flushClock();
    const targets = [1, 1.5, 3, 3, 0.2, 8].map((ahead) => start + ahead);
    const woke = await Promise.all(targets.map((at) => sleepUntil(at).then(() => flushClock())));
    woke.forEach((w, i) => {
      assert.ok(w >= targets[i], `wait ${i} woke ${targets[i] - w} ms early`);
      assert.ok(w - targets[i] < 20, `wait ${i} woke ${w - targets[i]} ms late`);
    });
    assert.ok(woke[4] < woke[5], 'the shortest wait ended before the longest');
  });

  it('lets other work run while it watches', async () => {
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // Waits this short are watched from the start: a watch holding the loop to its end would let one tick through per wait.
    const waits = 40;
    for (let i = 0; i < waits; i++) await sleepUntil(flushClock() + 0.45);
    ticking = false;
    assert.ok(ticks >= waits * 2, `${ticks} turns of other work during ${waits} waits`);
  });

  it('watches the last stretch of a wait in few turns of the event loop', async () => {
    const original = globalThis.setImmediate;
    let turns = 0;
    globalThis.setImmediate = ((...args: Parameters<typeof setImmediate>) => {
      turns++;
      return original(...args);
    }) as typeof setImmediate;
    const waits = 20;
    try {
      // Each wait is watched for its last 0.5 ms, or from up to about 2 ms before when its timer fires early.
      for (let i = 0; i < waits; i++) await sleepUntil(flushClock() + 5);
    } finally {
      globalThis.setImmediate = original;
    }
    // Yielding at every turn (a few microseconds each) would take hundreds of turns per wait.
    assert.ok(turns <= waits * 40, `${turns} turns for ${waits} waits`);
  });
});
