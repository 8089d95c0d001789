import type { RedisOptions } from 'ioredis';

/**
 * Turns a Redis location into ioredis options:
 * - `redis://[user:pass@]host:port[/db]` and `rediss://…` (TLS);
 * - `redis+sentinel://[user:pass@]host:port,host:port/<master name>[/db]` for Sentinel;
 * - `unix:///path/to/redis.sock` (the embedded server).
 */
export function redisOptionsFromUrl(location: string): RedisOptions {
  if (location.startsWith('unix://')) return { path: location.slice('unix://'.length) };
  const sentinel = /^redis(?:s)?\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/]+)\/([^/?]+)(?:\/(\d+))?\/?$/.exec(location);
  if (sentinel) {
    const [, user, password, hosts, name, db] = sentinel;
    return {
      sentinels: hosts.split(',').map((hp) => {
        const [host, port] = hp.split(':');
        return { host, port: port ? Number(port) : 26379 };
      }),
      name: decodeURIComponent(name),
      username: user ? decodeURIComponent(user) : undefined,
      password: password ? decodeURIComponent(password) : undefined,
      db: db ? Number(db) : 0,
      ...(location.startsWith('rediss+') ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
    };
  }
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new Error('invalid Redis URL: expected redis://, rediss://, redis+sentinel:// or unix://');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`invalid Redis URL: unsupported scheme "${url.protocol.replace(/:$/, '')}" (expected redis, rediss or redis+sentinel)`);
  }
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`invalid Redis URL: database "${db}" is not a number`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: db ? Number(db) : 0,
    ...(url.protocol === 'rediss:' ? { tls: { servername: url.hostname } } : {}),
  };
}

/** The location with any password removed, for logs and status pages. */
export function redactRedisUrl(location: string): string {
  return location.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:<secret>@');
}
