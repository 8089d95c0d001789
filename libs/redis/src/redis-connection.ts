import Redis, { RedisOptions } from 'ioredis';
import { redisOptionsFromUrl } from './redis-url';

export class RedisUnreachableError extends Error {}

/**
 * A client for BullMQ (blocking commands must wait through reconnects: maxRetriesPerRequest null)
 * or for Klaxon's own commands (fail fast while Redis is away, so the API answers 503 instead of
 * hanging or claiming success).
 */
export function createRedisClient(location: string, purpose: 'queue' | 'command', name: string): Redis {
  const options: RedisOptions = {
    ...redisOptionsFromUrl(location),
    connectionName: `klaxon-${name}`,
    lazyConnect: true,
    maxRetriesPerRequest: purpose === 'queue' ? null : 1,
    enableOfflineQueue: purpose === 'queue',
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
    reconnectOnError: (err) => /READONLY|UNBLOCKED/.test(err.message),
  };
  const client = new Redis(options);
  client.on('error', () => {
    /* reconnects on its own; readiness and request errors report the outage */
  });
  return client;
}

/** Connects, or fails with a clear error after `timeoutMs` instead of hanging. */
export async function connectOrFail(client: Redis, description: string, timeoutMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnreachableError(`cannot reach Redis at ${description} within ${timeoutMs / 1000}s`)), timeoutMs);
  });
  try {
    if (client.status === 'wait') await Promise.race([client.connect(), timeout]);
    await Promise.race([client.ping(), timeout]);
  } catch (err) {
    client.disconnect();
    if (err instanceof RedisUnreachableError) throw err;
    throw new RedisUnreachableError(`cannot reach Redis at ${description}: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** BullMQ needs `noeviction`: evicted job keys mean lost notifications. Returns the policy, if readable. */
export async function readEvictionPolicy(client: Redis): Promise<string | undefined> {
  try {
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    return reply[1];
  } catch {
    return undefined; // CONFIG may be disabled on managed Redis
  }
}
