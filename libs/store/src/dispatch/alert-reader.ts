// Reads stored alerts for the dispatcher, keeping the exact JSON text for "not modified since" checks.
import type Redis from 'ioredis';
import type { StoredAlert } from '../../../dispatch/src';
import { ALERTS_KEY } from './dispatch-keys';

export interface AlertRecord {
  alert: StoredAlert;
  json: string;
}

export class AlertReader {
  constructor(private readonly redis: Redis) {}

  /** The alerts of `fingerprints` still stored (in the same order, missing ones as undefined). */
  async get(fingerprints: readonly string[]): Promise<(AlertRecord | undefined)[]> {
    if (fingerprints.length === 0) return [];
    const raw = await this.redis.hmget(ALERTS_KEY, ...fingerprints);
    return raw.map((json) => (json ? { alert: JSON.parse(json) as StoredAlert, json } : undefined));
  }

  /** The stored JSON of the alerts of `fingerprints` that are still stored, to decode in slices. */
  async texts(fingerprints: readonly string[]): Promise<string[]> {
    if (fingerprints.length === 0) return [];
    const raw = await this.redis.hmget(ALERTS_KEY, ...fingerprints);
    return raw.filter((json): json is string => json !== null);
  }

  /** Visits every stored alert in batches (HSCAN: alerts written meanwhile may or may not be seen). */
  async scan(batchSize: number, visit: (batch: AlertRecord[]) => Promise<void>): Promise<void> {
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(ALERTS_KEY, cursor, 'COUNT', batchSize);
      cursor = next;
      const batch: AlertRecord[] = [];
      for (let i = 0; i < flat.length; i += 2) batch.push({ alert: JSON.parse(flat[i + 1]) as StoredAlert, json: flat[i + 1] });
      if (batch.length > 0) await visit(batch);
    } while (cursor !== '0');
  }
}
