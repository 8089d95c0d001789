// Reads `klaxon:alert-events` through a consumer group shared by all dispatching processes.
import type Redis from 'ioredis';
import { ALERT_EVENTS_GROUP, ALERT_EVENTS_KEY } from './dispatch-keys';

export interface AlertEvent {
  id: string;
  /** The alerts to group again (field `grp`; entries written without it: every stored alert, `fps`). */
  fingerprints: string[];
}

type StreamEntries = [id: string, fields: string[]][];

function toEvents(entries: StreamEntries | null | undefined): AlertEvent[] {
  return (entries ?? [])
    .filter(([, fields]) => fields !== null)
    .map(([id, fields]) => {
      const field = (name: string) => {
        for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
        return undefined;
      };
      const list = field('grp') ?? field('fps') ?? '';
      return { id, fingerprints: list ? list.split(',') : [] };
    });
}

export class AlertEventsReader {
  /**
   * @param blocking a connection that may block (XREADGROUP BLOCK); not shared with other commands.
   * @param commands a connection for the non-blocking commands.
   */
  constructor(private readonly blocking: Redis, private readonly commands: Redis, private readonly consumer: string) {}

  /** Creates the consumer group at the stream's end (earlier alerts are read by a full rebuild). */
  async ensureGroup(): Promise<void> {
    try {
      await this.commands.xgroup('CREATE', ALERT_EVENTS_KEY, ALERT_EVENTS_GROUP, '$', 'MKSTREAM');
    } catch (err) {
      if (!/BUSYGROUP/.test((err as Error).message)) throw err;
    }
  }

  /** New entries for this consumer, waiting up to `blockMs`. */
  async readNew(count: number, blockMs: number): Promise<AlertEvent[]> {
    const reply = (await this.blocking.xreadgroup(
      'GROUP', ALERT_EVENTS_GROUP, this.consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', ALERT_EVENTS_KEY, '>',
    )) as [string, StreamEntries][] | null;
    return toEvents(reply?.[0]?.[1]);
  }

  /** Entries other consumers read but did not acknowledge within `minIdleMs` (their process died). */
  async claimAbandoned(minIdleMs: number, count: number): Promise<AlertEvent[]> {
    const reply = (await this.commands.xautoclaim(ALERT_EVENTS_KEY, ALERT_EVENTS_GROUP, this.consumer, minIdleMs, '0-0', 'COUNT', count)) as [string, StreamEntries];
    return toEvents(reply[1]);
  }

  async ack(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.commands.xack(ALERT_EVENTS_KEY, ALERT_EVENTS_GROUP, ...ids);
  }
}
