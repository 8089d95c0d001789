// What the benchmark reads from the running servers: GET /api/v2/alerts time, RSS, Redis memory.
import { readFileSync } from 'node:fs';
import Redis from 'ioredis';

/**
 * GET /api/v2/alerts `runs` times: the first wall time (cold: Klaxon loads its alert mirror),
 * the median of the others (until the last byte arrived), and how many alerts the last one returned.
 */
export async function timeGetAlerts(baseUrl: string, runs = 4): Promise<{ firstMs: number; ms: number; count: number }> {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/v2/alerts`);
    const body = await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    // Parsed outside the timed part: the client's JSON decoding is not the server's time.
    if (i === runs - 1) count = (JSON.parse(Buffer.from(body).toString('utf8')) as unknown[]).length;
  }
  const [firstMs, ...rest] = times;
  rest.sort((a, b) => a - b);
  return { firstMs, ms: rest[Math.floor(rest.length / 2)], count };
}

/** Resident set size of a process, in bytes (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) * 1024;
}

/** Redis `used_memory` over its unix socket. */
export async function redisUsedMemory(socketPath: string): Promise<number> {
  const redis = new Redis({ path: socketPath, lazyConnect: true });
  try {
    await redis.connect();
    const info = await redis.info('memory');
    return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
  } finally {
    redis.disconnect();
  }
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
