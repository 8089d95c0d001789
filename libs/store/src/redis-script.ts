import type { ChainableCommander } from 'ioredis';
import type Redis from 'ioredis';

export interface RedisScript {
  /** Runs the script (EVALSHA, loading it on a NOSCRIPT reply). */
  run(keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /** Queues the script on a pipeline or MULTI made from the client after the script was defined. */
  queue(pipeline: ChainableCommander, keys: readonly string[], args: readonly string[]): void;
}

/**
 * Registers a Lua script on the client once. ioredis sends its body once per connection and its
 * SHA afterwards, so a script run thousands of times a second costs no bandwidth for its text.
 */
export function defineScript(redis: Redis, name: string, numberOfKeys: number, lua: string): RedisScript {
  const client = redis as unknown as Record<string, (...args: string[]) => Promise<unknown>>;
  if (typeof client[name] !== 'function') redis.defineCommand(name, { numberOfKeys, lua });
  return {
    run: (keys, args) => client[name](...keys, ...args),
    queue: (pipeline, keys, args) => {
      const queued = pipeline as unknown as Record<string, ((...args: string[]) => unknown) | undefined>;
      const command = queued[name];
      if (typeof command !== 'function') throw new Error(`script ${name} is not defined on the pipeline's client`);
      command.call(pipeline, ...keys, ...args);
    },
  };
}
