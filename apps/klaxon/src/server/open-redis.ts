import type Redis from 'ioredis';
import { connectOrFail, createRedisClient, EmbeddedRedis, readEvictionPolicy, redactRedisUrl } from '../../../../libs/redis/src';
import type { KlaxonOptions } from '../cli/klaxon-options';
import type { Logger } from '../logging/logger';

export interface OpenedRedis {
  readonly client: Redis;
  readonly location: string;
  close(): Promise<void>;
}

/** The Redis given by --redis.url / REDIS_URL, or a private one started under --storage.path. */
export async function openRedis(options: KlaxonOptions, logger: Logger): Promise<OpenedRedis> {
  let embedded: EmbeddedRedis | undefined;
  let location = options.redisUrl;
  if (!location) {
    embedded = new EmbeddedRedis(options.storagePath, logger.with({ component: 'redis' }));
    await embedded.start();
    location = embedded.url;
  }
  const description = embedded ? embedded.socketPath : redactRedisUrl(location);
  const client = createRedisClient(location, 'command', 'api');
  try {
    await connectOrFail(client, description);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const policy = await readEvictionPolicy(client);
  if (policy !== undefined && policy !== 'noeviction') {
    logger.warn('Redis maxmemory-policy should be noeviction: evicted keys mean lost alerts and notifications', {
      component: 'redis',
      policy,
    });
  }
  logger.info('Connected to Redis', { component: 'redis', redis: description });
  return {
    client,
    location,
    async close() {
      client.disconnect();
      await embedded?.stop();
    },
  };
}
