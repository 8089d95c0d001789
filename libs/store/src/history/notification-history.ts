// The notification history in Redis: one stream entry per delivery, newest read first, trimmed to the
// last `maxEntries` and to `maxAgeMs` on every write (bounded retention).
import type Redis from 'ioredis';
import { DeliveryPage, DeliveryQuery, DeliveryRecord, NewDeliveryRecord } from './delivery-record';

export const HISTORY_KEY = 'klaxon:history:deliveries';

export interface HistoryRetention {
  maxEntries: number;
  maxAgeMs: number;
}

export const DEFAULT_HISTORY_RETENTION: HistoryRetention = { maxEntries: 10_000, maxAgeMs: 7 * 24 * 3600_000 };

/** Entries read per Redis call while filtering. */
const SCAN_BATCH = 200;

interface PendingRecord {
  text: string;
  written(id: string): void;
  failed(err: Error): void;
}

export class NotificationHistory {
  /** Records asked for in this turn of the event loop; written together (`writePending`). */
  private pending: PendingRecord[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly retention: HistoryRetention = DEFAULT_HISTORY_RETENTION,
    private readonly key: string = HISTORY_KEY,
  ) {}

  /**
   * Adds an entry; resolves with its stream id once written. The records asked for in one turn
   * of the event loop (a flush storm ends hundreds of deliveries at once) go in one transaction,
   * trimmed once at its end: the same entries remain as with a trim after each.
   */
  record(entry: NewDeliveryRecord): Promise<string> {
    return new Promise((written, failed) => {
      this.pending.push({ text: JSON.stringify(entry), written, failed });
      if (this.pending.length === 1) setImmediate(() => void this.writePending());
    });
  }

  private async writePending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const tx = this.redis.multi();
    for (const { text } of batch) tx.xadd(this.key, '*', 'r', text);
    tx.xtrim(this.key, 'MAXLEN', String(this.retention.maxEntries)).xtrim(this.key, 'MINID', String(Date.now() - this.retention.maxAgeMs));
    let replies: Array<[Error | null, unknown]> | null;
    try {
      replies = await tx.exec();
    } catch (err) {
      for (const record of batch) record.failed(err as Error);
      return;
    }
    batch.forEach((record, i) => {
      const [err, id] = replies?.[i] ?? [new Error('history write was aborted'), undefined];
      if (err) record.failed(err);
      else record.written(id as string);
    });
  }

  /** Newest first, filtered, one page at a time. */
  async list(query: DeliveryQuery): Promise<DeliveryPage> {
    const out: DeliveryRecord[] = [];
    let end = query.cursor ? `(${query.cursor}` : query.until !== undefined ? `${query.until}-18446744073709551615` : '+';
    const start = query.since !== undefined ? `${query.since}-0` : '-';
    for (;;) {
      const batch = (await this.redis.xrevrange(this.key, end, start, 'COUNT', SCAN_BATCH)) as Array<[string, string[]]>;
      for (const [id, fields] of batch) {
        const record = decode(id, fields);
        if (record && matches(record, query)) out.push(record);
        if (out.length === query.limit) return { notifications: out, nextCursor: id };
      }
      if (batch.length < SCAN_BATCH) return { notifications: out };
      end = `(${batch[batch.length - 1][0]}`;
    }
  }
}

function decode(id: string, fields: string[]): DeliveryRecord | undefined {
  const i = fields.indexOf('r');
  if (i < 0) return undefined;
  try {
    return { id, ...(JSON.parse(fields[i + 1]) as NewDeliveryRecord) };
  } catch {
    return undefined;
  }
}

function matches(r: DeliveryRecord, q: DeliveryQuery): boolean {
  if (q.receiver !== undefined && r.receiver !== q.receiver) return false;
  if (q.integration !== undefined && r.integration !== q.integration) return false;
  if (q.outcome !== undefined && r.outcome !== q.outcome) return false;
  for (const [name, value] of Object.entries(q.groupLabels ?? {})) if (r.groupLabels[name] !== value) return false;
  return true;
}
