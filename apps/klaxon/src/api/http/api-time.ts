// Timestamps as the API reads and writes them (go-openapi `strfmt.DateTime`).
import { GO_ZERO_TIME_MS } from '../../../../../libs/dispatch/src';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Go's message for a timestamp it cannot parse (the last layout strfmt tries). */
export function timeParseError(text: string): string {
  return `parsing time ${JSON.stringify(text)} as "2006-01-02 15:04:05": cannot parse ${JSON.stringify(text)} as "2006"`;
}

/** The common case: UTC, whole milliseconds at most (`2026-11-24T01:45:37.052Z`). */
const SIMPLE_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** RFC3339 (any fraction, any offset) to Unix milliseconds, keeping sub-millisecond digits. */
export function parseApiTime(text: string): number {
  if (SIMPLE_UTC.test(text) && text.charCodeAt(0) !== 0x30) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  const m = RFC3339.exec(text);
  if (!m) throw new Error(timeParseError(text));
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  let ms = date.getTime();
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    throw new Error(timeParseError(text));
  }
  if (frac) ms += Number(`0.${frac.slice(0, 9)}`) * 1000;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return ms;
}

/** RFC3339 with milliseconds in UTC, e.g. `2026-11-24T01:46:37.052Z`; the zero time as Go prints it. */
export function formatApiTime(ms: number): string {
  if (ms === GO_ZERO_TIME_MS) return '0001-01-01T00:00:00.000Z';
  return new Date(Math.floor(ms)).toISOString();
}
