import type Redis from 'ioredis';

export interface RedisScript {
  /** Runs the script (EVALSHA, loading it on a NOSCRIPT reply). */
  run(keys: readonly string[], args: readonly string[]): Promise<unknown>;
}

/** Registers a Lua script on the client once (ioredis caches the SHA and falls back to EVAL). */
export function defineScript(redis: Redis, name: string, numberOfKeys: number, lua: string): RedisScript {
  const client = redis as unknown as Record<string, (...args: string[]) => Promise<unknown>>;
  if (typeof client[name] !== 'function') redis.defineCommand(name, { numberOfKeys, lua });
  return {
    run: (keys, args) => client[name](...keys, ...args),
  };
}
