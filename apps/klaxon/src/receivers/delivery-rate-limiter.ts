// Shared (Redis) per-destination rate limit for notifiers that declare one (PagerDuty: 120 events a
// minute per routing key), across every Klaxon process: a counter per key and minute. `acquire` takes
// a slot now (0) or says how long to wait before asking again.
import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { hasRateLimit, Notifier } from '../../../../libs/notify/src';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';

const WINDOW_MS = 60_000;

export class RedisRateLimiter {
  constructor(private readonly redis: Redis, private readonly prefix = 'klaxon:ratelimit:') {}

  /** 0 when a slot was taken, else the milliseconds until the next window. */
  async acquire(key: string, perMinute: number, now: number = Date.now()): Promise<number> {
    const window = Math.floor(now / WINDOW_MS);
    const counter = `${this.prefix}${key}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(counter).pexpire(counter, 2 * WINDOW_MS).exec()) as Array<[Error | null, number]>;
    return count <= perMinute ? 0 : (window + 1) * WINDOW_MS - now;
  }
}

@Injectable()
export class DeliveryRateLimiter {
  private readonly limiter: RedisRateLimiter;

  constructor(runtime: KlaxonRuntime) {
    this.limiter = new RedisRateLimiter(runtime.redis);
  }

  /** Before each attempt: 0 to send now, else wait that long (without counting it as an attempt). */
  async acquire(notifier: Notifier, config: unknown): Promise<number> {
    if (!hasRateLimit(notifier)) return 0;
    const limit = notifier.rateLimit(config);
    return limit ? this.limiter.acquire(limit.key, limit.perMinute) : 0;
  }
}
