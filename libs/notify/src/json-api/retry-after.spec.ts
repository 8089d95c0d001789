import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotifyError } from '../notifier';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, RetryAfterError, retryWaitMs } from './retry-after';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-24T03:00:00Z');

  it('reads seconds and HTTP dates, capped, and ignores garbage', () => {
    assert.equal(parseRetryAfter('30', now), 30_000);
    assert.equal(parseRetryAfter('Tue, 24 Nov 2026 03:00:45 GMT', now), 45_000);
    assert.equal(parseRetryAfter('Tue, 24 Nov 2026 02:59:00 GMT', now), 0);
    assert.equal(parseRetryAfter('86400', now), MAX_RETRY_AFTER_MS);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('the wait before a retry is the longer of the backoff and the server’s request', () => {
    assert.equal(retryWaitMs(new RetryAfterError('429', 'clientError', 5000), 700), 5000);
    assert.equal(retryWaitMs(new RetryAfterError('429', 'clientError', 100), 700), 700);
    assert.equal(retryWaitMs(new NotifyError('500', true, 'serverError'), 700), 700);
  });
});
