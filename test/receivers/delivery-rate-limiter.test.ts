// The shared per-destination rate limit in a real Redis, and PagerDuty's limit per routing key.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Redis from 'ioredis';
import { RedisRateLimiter } from '../../apps/klaxon/src/receivers/delivery-rate-limiter';
import { FixedTemplates, PAGERDUTY_EVENTS_PER_MINUTE, PagerdutyNotifier } from '../../libs/notify/src';
import { TestRedisServer } from '../support/redis-server';
import { receiverFromYaml } from './support/receiver-from-yaml';

describe('delivery rate limit', () => {
  let server: TestRedisServer;
  let redis: Redis;
  before(async () => {
    server = await TestRedisServer.start({ appendOnly: false });
    redis = server.client();
  });
  after(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('allows perMinute sends per key and minute, then says how long to wait', async () => {
    const limiter = new RedisRateLimiter(redis, 'test:rl:');
    const now = 1_800_000_010_000; // 10 s into a minute
    for (let i = 0; i < 3; i++) assert.equal(await limiter.acquire('a', 3, now), 0);
    assert.equal(await limiter.acquire('a', 3, now), 50_000);
    assert.equal(await limiter.acquire('b', 3, now), 0, 'other keys are not affected');
    assert.equal(await limiter.acquire('a', 3, now + 50_000), 0, 'the next minute has fresh slots');
  });

  it('PagerDuty limits 120 events a minute per routing key, keyed by a hash of the key', () => {
    const notifier = new PagerdutyNotifier(new FixedTemplates());
    const [a, b] = receiverFromYaml('pagerduty_configs:\n- routing_key: key-one\n- routing_key: key-two').pagerdutyConfigs;
    const limitA = notifier.rateLimit(a)!;
    assert.equal(limitA.perMinute, PAGERDUTY_EVENTS_PER_MINUTE);
    assert.equal(PAGERDUTY_EVENTS_PER_MINUTE, 120);
    assert.notEqual(limitA.key, notifier.rateLimit(b)!.key);
    assert.doesNotMatch(limitA.key, /key-one/);
  });
});
