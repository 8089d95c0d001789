// The notification log (Alertmanager's nflog) and the markers of deliveries in flight.
import type Redis from 'ioredis';
import type { NflogEntry } from '../../../dispatch/src';
import { INFLIGHT_KEY, NFLOG_KEY } from './dispatch-keys';

export interface StoredNflogEntry extends NflogEntry {
  /** The entry counts as absent from this time on (Unix ms). */
  expiresAt: number;
  /** The delivery job that wrote it, so a re-run of that job knows it already succeeded. */
  jobId?: string;
}

export interface InflightMarker {
  jobId: string;
  /** After this time the marker is ignored (its delivery died without clearing it). */
  until: number;
}

export interface NflogState {
  entry?: StoredNflogEntry;
  inflight?: InflightMarker;
}

/** Decodes HMGET replies of the nflog and in-flight hashes; markers past their `until` are ignored. */
export function nflogStates(count: number, entries: readonly (string | null)[], markers: readonly (string | null)[], now: number): NflogState[] {
  const states: NflogState[] = [];
  for (let i = 0; i < count; i++) {
    const entry = entries[i] ? (JSON.parse(entries[i]!) as StoredNflogEntry) : undefined;
    const inflight = markers[i] ? (JSON.parse(markers[i]!) as InflightMarker) : undefined;
    states.push({ entry, inflight: inflight && inflight.until > now ? inflight : undefined });
  }
  return states;
}

export class NotificationLog {
  constructor(private readonly redis: Redis) {}

  /**
   * The entries and live in-flight markers of `keys` at `now`. Entries past `expiresAt` still
   * count until maintenance prunes them, as Alertmanager's nflog queries ignore expiry too (with
   * `repeat_interval: 1ms` an entry "expires" after 2 ms, yet dedup must still see it).
   */
  async read(keys: readonly string[], now: number): Promise<NflogState[]> {
    if (keys.length === 0) return [];
    const [[, entries], [, markers]] = (await this.redis
      .multi()
      .hmget(NFLOG_KEY, ...keys)
      .hmget(INFLIGHT_KEY, ...keys)
      .exec()) as [[null, (string | null)[]], [null, (string | null)[]]];
    return nflogStates(keys.length, entries, markers, now);
  }

  async entry(key: string, now: number): Promise<StoredNflogEntry | undefined> {
    return (await this.read([key], now))[0].entry;
  }

  /** Drops entries whose retention ended; returns how many. */
  async prune(now: number): Promise<number> {
    let cursor = '0';
    let removed = 0;
    do {
      const [next, flat] = await this.redis.hscan(NFLOG_KEY, cursor, 'COUNT', 500);
      cursor = next;
      const expired: string[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        if ((JSON.parse(flat[i + 1]) as StoredNflogEntry).expiresAt <= now) expired.push(flat[i]);
      }
      if (expired.length > 0) removed += await this.redis.hdel(NFLOG_KEY, ...expired);
    } while (cursor !== '0');
    return removed;
  }
}
