import type Redis from 'ioredis';
import { isResolved, mergeAlert, StoredAlert } from '../../../dispatch/src';
import { decodeAlert, encodeAlert } from './alert-codec';
import { ALERT_EVENTS_KEY, ALERT_EVENTS_MAXLEN, ALERTS_KEY } from './alert-keys';
import { DELETE_UNCHANGED_SCRIPT, STORE_ALERTS_SCRIPT } from './store-alerts.lua';
import { defineScript } from '../redis-script';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one ingest stored, and the `klaxon:alert-events` entry announcing it. */
export interface IngestResult {
  alerts: StoredAlert[];
  eventId: string;
}

/** The same fingerprints kept changing under us: the caller answers with a server error. */
export class AlertWriteConflictError extends Error {}

const MAX_ATTEMPTS = 100;
/** Upper bound of the random pause before retrying a batch that lost a race (grows per attempt). */
const MAX_BACKOFF_MS = 20;
const GC_CHUNK = 500;

/**
 * The alerts in Redis (`klaxon:alerts`, one JSON `StoredAlert` per fingerprint).
 *
 * Writes are batched: one HMGET of the posted fingerprints, the merge in process, then one
 * Lua compare-and-set that writes every alert and appends one `klaxon:alert-events` entry
 * only if none of those fingerprints changed since the HMGET (otherwise it writes nothing and
 * the batch is re-read and re-merged after a short random pause). So a concurrent writer of the same fingerprint, in this
 * or another process, is never overwritten by a merge computed from a stale value.
 */
export class AlertRepository {
  private readonly storeScript;
  private readonly deleteScript;

  constructor(private readonly redis: Redis) {
    this.storeScript = defineScript(redis, 'klaxonStoreAlerts', 2, STORE_ALERTS_SCRIPT);
    this.deleteScript = defineScript(redis, 'klaxonDeleteUnchangedAlerts', 1, DELETE_UNCHANGED_SCRIPT);
  }

  /**
   * Stores normalized alerts (in order: a later alert of the same fingerprint merges with the
   * earlier one), merging each with the stored alert of its fingerprint. Resolves once Redis
   * has them; returns what was stored (one per distinct fingerprint) and the event entry id.
   * The event names every stored alert (`fps`) and, apart, those `needsGrouping` keeps (`grp`,
   * by default all of them).
   */
  async ingest(
    alerts: readonly StoredAlert[],
    now: number,
    needsGrouping: (previous: StoredAlert | undefined, stored: StoredAlert) => boolean = () => true,
  ): Promise<IngestResult> {
    if (alerts.length === 0) return { alerts: [], eventId: '' };
    const fingerprints = [...new Set(alerts.map((a) => a.fingerprint))];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const before = await this.redis.hmget(ALERTS_KEY, ...fingerprints);
      const merged = new Map<string, StoredAlert>();
      fingerprints.forEach((fp, i) => {
        const text = before[i];
        if (text !== null) merged.set(fp, decodeAlert(text));
      });
      const touched = new Map<string, StoredAlert>();
      for (const alert of alerts) {
        const existing = touched.get(alert.fingerprint) ?? merged.get(alert.fingerprint);
        touched.set(alert.fingerprint, existing ? mergeAlert(existing, alert, now) : alert);
      }
      const grouped = fingerprints.filter((fp) => needsGrouping(merged.get(fp), touched.get(fp) as StoredAlert));
      const args: string[] = [String(fingerprints.length), String(ALERT_EVENTS_MAXLEN), fingerprints.join(','), grouped.join(',')];
      fingerprints.forEach((fp, i) => args.push(fp, before[i] ?? '', encodeAlert(touched.get(fp) as StoredAlert)));
      const written = await this.storeScript.run([ALERTS_KEY, ALERT_EVENTS_KEY], args);
      if (typeof written === 'string') return { alerts: fingerprints.map((fp) => touched.get(fp) as StoredAlert), eventId: written };
      await pause(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
    }
    throw new AlertWriteConflictError(`alerts kept changing concurrently; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  /** Every stored alert (resolved ones included). */
  async list(): Promise<StoredAlert[]> {
    const values = await this.redis.hvals(ALERTS_KEY);
    return values.map(decodeAlert);
  }

  async get(fingerprint: string): Promise<StoredAlert | undefined> {
    const text = await this.redis.hget(ALERTS_KEY, fingerprint);
    return text === null ? undefined : decodeAlert(text);
  }

  /**
   * Deletes the alerts resolved at `now`, each only if unchanged since it was read (a re-post
   * in between wins). Safe to run in several processes at once. Returns how many were deleted.
   * Reads the hash in HSCAN batches, so no single step decodes every stored alert (with 100,000
   * alerts that held the event loop for hundreds of milliseconds).
   */
  async deleteResolved(now: number): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(ALERTS_KEY, cursor, 'COUNT', GC_CHUNK);
      cursor = next;
      const doomed: string[] = [];
      for (let i = 0; i < flat.length; i += 2) if (isResolved(decodeAlert(flat[i + 1]), now)) doomed.push(flat[i], flat[i + 1]);
      // HSCAN may return an alert twice; the compare-and-delete counts it once.
      if (doomed.length > 0) deleted += Number(await this.deleteScript.run([ALERTS_KEY], doomed));
    } while (cursor !== '0');
    return deleted;
  }
}
