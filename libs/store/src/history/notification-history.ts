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

export class NotificationHistory {
  constructor(
    private readonly redis: Redis,
    private readonly retention: HistoryRetention = DEFAULT_HISTORY_RETENTION,
    private readonly key: string = HISTORY_KEY,
  ) {}

  async record(entry: NewDeliveryRecord): Promise<string> {
    const replies = await this.redis
      .multi()
      .xadd(this.key, 'MAXLEN', String(this.retention.maxEntries), '*', 'r', JSON.stringify(entry))
      .xtrim(this.key, 'MINID', String(Date.now() - this.retention.maxAgeMs))
      .exec();
    const failed = replies?.find(([err]) => err);
    if (!replies || failed) throw failed?.[0] ?? new Error('history write was aborted');
    return replies[0][1] as string;
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
