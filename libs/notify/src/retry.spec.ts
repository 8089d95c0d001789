import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotifyError } from './notifier';
import { backoffDelay, retryUntil } from './retry';

const fast = { initialMs: 5, multiplier: 2, randomization: 0.5, maxMs: 40 };

describe('backoffDelay', () => {
  it('grows exponentially within ±randomization, capped at maxMs', () => {
    assert.equal(backoffDelay(0, fast, () => 0), 2.5);
    assert.equal(backoffDelay(0, fast, () => 1), 7.5);
    assert.equal(backoffDelay(2, fast, () => 0.5), 20);
    assert.equal(backoffDelay(10, fast, () => 0.5), 40);
  });
});

describe('retryUntil', () => {
  it('retries retryable failures until one succeeds', async () => {
    let calls = 0;
    const outcome = await retryUntil(Date.now() + 5_000, async () => {
      if (++calls < 3) throw new NotifyError('unexpected status code 503', true, 'serverError');
    }, { backoff: fast });
    assert.deepEqual(outcome, { attempts: 3 });
  });

  it('stops at the first permanent failure', async () => {
    let calls = 0;
    const error = new NotifyError('unexpected status code 400', false, 'clientError');
    const outcome = await retryUntil(Date.now() + 5_000, async () => {
      calls++;
      throw error;
    }, { backoff: fast });
    assert.equal(calls, 1);
    assert.equal(outcome.error, error);
  });

  it('gives up at the deadline, having tried at least once', async () => {
    let calls = 0;
    const started = Date.now();
    const outcome = await retryUntil(started + 100, async () => {
      calls++;
      throw new Error('ECONNREFUSED');
    }, { backoff: fast });
    assert.ok(calls >= 2, `tried ${calls} times`);
    assert.ok(Date.now() - started < 1_000);
    assert.equal((outcome.error as Error).message, 'ECONNREFUSED');
    const late = await retryUntil(Date.now() - 1, async () => undefined, { backoff: fast });
    assert.deepEqual(late, { attempts: 1 });
  });

  it('leaves no listener on a long-lived signal', async () => {
    const controller = new AbortController();
    let listeners = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => (listeners++, add(...args))) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => (listeners--, remove(...args))) as typeof remove;
    for (let i = 0; i < 20; i++) await retryUntil(Date.now() + 1_000, async () => undefined, { signal });
    assert.equal(listeners, 0);
  });

  it('stops waiting between attempts when its signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const outcome = await retryUntil(Date.now() + 60_000, async () => {
      throw new Error('down');
    }, { signal: controller.signal, backoff: { ...fast, initialMs: 10_000, maxMs: 10_000 } });
    assert.ok(Date.now() - started < 2_000);
    assert.ok(outcome.error);
  });
});
