import type Redis from 'ioredis';
import { isResolved, refreshInPlace, StoredAlert } from '../../../dispatch/src';
import { decodeAlert } from './alert-codec';
import { ALERT_EVENTS_KEY, ALERTS_KEY } from './alert-keys';

const EVENTS_PER_READ = 10_000;
const HMGET_CHUNK = 1_000;
const STREAM_START = '0-0';
/** Above this many unconsumed local entries, forget them (they are then re-read from Redis). */
const MAX_LOCAL_EVENTS = 100_000;

type Reply<T> = [Error | null, T];
type StreamEntries = [string, string[]][];

/**
 * An in-process copy of the unresolved alerts in `klaxon:alerts`, kept current by reading the
 * `klaxon:alert-events` entries appended since the last read (every ingest appends one in the
 * same atomic step as its writes) and re-reading only the fingerprints they name. Batches this
 * process stored itself are applied directly (`applyLocal`) and their entries skipped. A read
 * when nothing changed costs one round trip. When entries not yet read have been trimmed from
 * the capped stream, the whole hash is read again.
 *
 * Deletions are not announced on the stream; they only ever remove resolved alerts, which this
 * copy drops by itself (`current(now)` never holds an alert resolved at `now`).
 *
 * An alert stored again is updated in place (`refreshInPlace`): the object this copy holds for a
 * fingerprint stays the same while the alert is unresolved, and its fields change.
 */
export class AlertMirror {
  private alerts = new Map<string, StoredAlert>();
  private loaded = false;
  private lastId = STREAM_START;
  private readonly localEvents = new Set<string>();
  private refreshing?: Promise<void>;

  constructor(private readonly redis: Redis) {}

  /** The unresolved alerts at `now`, by fingerprint; the map must not be modified. */
  async current(now: number): Promise<ReadonlyMap<string, StoredAlert>> {
    // One refresh at a time; callers arriving meanwhile share it.
    if (!this.refreshing) this.refreshing = this.refresh().finally(() => (this.refreshing = undefined));
    await this.refreshing;
    for (const [fp, alert] of this.alerts) if (isResolved(alert, now)) this.alerts.delete(fp);
    return this.alerts;
  }

  /** Takes in a batch this process has just stored under stream entry `eventId`. */
  applyLocal(eventId: string, alerts: readonly StoredAlert[]): void {
    if (!this.loaded || eventId === '') return;
    if (this.localEvents.size >= MAX_LOCAL_EVENTS) this.localEvents.clear();
    this.localEvents.add(eventId);
    for (const alert of alerts) this.keep(alert);
  }

  private keep(alert: StoredAlert): void {
    const held = this.alerts.get(alert.fingerprint);
    if (held) refreshInPlace(held, alert);
    else this.alerts.set(alert.fingerprint, alert);
  }

  private async refresh(): Promise<void> {
    if (!this.loaded) return this.reload();
    for (;;) {
      const entries = await this.readNewEntries();
      if (entries === 'trimmed') return this.reload();
      if (entries.length === 0) return;
      const changed = new Set<string>();
      for (const [id, fields] of entries) {
        if (this.localEvents.delete(id)) continue;
        for (let i = 0; i < fields.length; i += 2) {
          if (fields[i] === 'fps' && fields[i + 1]) for (const fp of fields[i + 1].split(',')) changed.add(fp);
        }
      }
      await this.reread([...changed]);
      this.lastId = entries[entries.length - 1][0];
      if (entries.length < EVENTS_PER_READ) return;
    }
  }

  /** Entries after `lastId`, or 'trimmed' when some of them are gone from the stream. */
  private async readNewEntries(): Promise<StreamEntries | 'trimmed'> {
    if (this.lastId === STREAM_START) {
      // Nothing seen yet: entries were lost if fewer remain than were ever added (Redis 7 reports it).
      const reply = await this.redis.multi().xinfo('STREAM', ALERT_EVENTS_KEY).xrange(ALERT_EVENTS_KEY, '-', '+', 'COUNT', EVENTS_PER_READ).exec();
      if (!reply) throw new Error('reading alert events was aborted');
      const [[infoErr, info], [rangeErr, entries]] = reply as [Reply<unknown[]>, Reply<StreamEntries>];
      if (infoErr) return []; // no stream yet
      if (rangeErr) throw rangeErr;
      const field = (name: string) => {
        const at = info.indexOf(name);
        return at < 0 ? undefined : Number(info[at + 1]);
      };
      const added = field('entries-added');
      if (added === undefined || added !== field('length')) return 'trimmed';
      return entries;
    }
    const reply = await this.redis
      .multi()
      .xrange(ALERT_EVENTS_KEY, this.lastId, this.lastId)
      .xrange(ALERT_EVENTS_KEY, `(${this.lastId}`, '+', 'COUNT', EVENTS_PER_READ)
      .exec();
    if (!reply) throw new Error('reading alert events was aborted');
    const [[seenErr, seen], [newErr, entries]] = reply as [Reply<unknown[]>, Reply<StreamEntries>];
    if (seenErr) throw seenErr;
    if (newErr) throw newErr;
    return seen.length === 0 ? 'trimmed' : entries;
  }

  private async reread(fingerprints: string[]): Promise<void> {
    for (let i = 0; i < fingerprints.length; i += HMGET_CHUNK) {
      const chunk = fingerprints.slice(i, i + HMGET_CHUNK);
      const values = await this.redis.hmget(ALERTS_KEY, ...chunk);
      chunk.forEach((fp, j) => {
        const text = values[j];
        if (text === null) this.alerts.delete(fp);
        else this.keep(decodeAlert(text));
      });
    }
  }

  /** Reads the whole hash and the newest event id in one atomic step. */
  private async reload(): Promise<void> {
    const reply = await this.redis.multi().xrevrange(ALERT_EVENTS_KEY, '+', '-', 'COUNT', 1).hgetall(ALERTS_KEY).exec();
    if (!reply) throw new Error('reading alerts was aborted');
    const [[lastErr, last], [allErr, all]] = reply as [Reply<StreamEntries>, Reply<Record<string, string>>];
    if (lastErr) throw lastErr;
    if (allErr) throw allErr;
    const alerts = new Map<string, StoredAlert>();
    for (const [fp, text] of Object.entries(all)) alerts.set(fp, decodeAlert(text));
    this.alerts = alerts;
    this.localEvents.clear();
    this.lastId = last.length > 0 ? last[0][0] : STREAM_START;
    this.loaded = true;
  }
}
