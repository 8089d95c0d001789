// time.Time as Go prints and formats it. A GoTime is an instant (Unix seconds + nanoseconds)
// seen in a zone (name + offset). Zones are UTC, fixed offsets, or IANA names resolved through
// Intl (no I/O).
import { GoDuration, type GoMethod } from './values';
import { GoZone, UTC_ZONE, pad, zoneAt } from './go-zone';

export type { GoZone };
export { UTC_ZONE };

export class GoTime {
  readonly goType = 'time.Time';
  constructor(
    readonly unixSeconds: bigint,
    readonly nanos: number,
    readonly zone: GoZone = UTC_ZONE,
  ) {}

  static fromDate(d: Date, zone: GoZone = UTC_ZONE): GoTime {
    const ms = d.getTime();
    const secs = Math.floor(ms / 1000);
    return new GoTime(BigInt(secs), (ms - secs * 1000) * 1e6, zone);
  }

  /** Go's zero time, 0001-01-01T00:00:00Z (what firing alerts carry as EndsAt). */
  static zero(): GoTime {
    return new GoTime(-62135596800n, 0, UTC_ZONE);
  }

  /** Parses RFC 3339 with optional fractional seconds, as encoding/json does for time.Time. */
  static parseRFC3339(s: string): GoTime {
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(s);
    if (!m) throw new Error(`parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse`);
    const [, y, mo, d, h, mi, se, frac, z, sign, oh, om] = m;
    const date = new Date(0);
    date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
    date.setUTCHours(Number(h), Number(mi), Number(se), 0);
    const utcMs = date.getTime();
    let offset = 0;
    if (!z) offset = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
    const nanos = frac ? Number(frac.padEnd(9, '0')) : 0;
    const secs = BigInt(Math.floor(utcMs / 1000)) - BigInt(offset);
    const zone = z ? UTC_ZONE : { name: formatOffset(offset, false, false), offsetSeconds: offset };
    return new GoTime(secs, nanos, zone);
  }

  /** Time.Add(d): d must be a time.Duration (or an int of nanoseconds, as Go converts constants). */
  add(d: unknown): GoTime {
    let nanos: bigint;
    if (d instanceof GoDuration) nanos = d.nanos;
    else if (typeof d === 'bigint') nanos = d;
    else throw new Error(`wrong type for value; expected time.Duration`);
    const total = this.unixNanos() + nanos;
    const secs = total >= 0n ? total / 1_000_000_000n : -((-total + 999_999_999n) / 1_000_000_000n);
    const t = new GoTime(secs, Number(total - secs * 1_000_000_000n), this.zone);
    return t.zone.iana ? t.in(zoneAt(t.zone.iana, t.unixSeconds)) : t;
  }

  unixNanos(): bigint {
    return this.unixSeconds * 1_000_000_000n + BigInt(this.nanos);
  }

  isZero(): boolean {
    return this.unixSeconds === -62135596800n && this.nanos === 0;
  }

  /** The same instant in another zone. */
  in(zone: GoZone): GoTime {
    return new GoTime(this.unixSeconds, this.nanos, zone);
  }

  /** Calendar fields in this time's zone. */
  fields(): CalendarFields {
    const local = Number(this.unixSeconds) + this.zone.offsetSeconds;
    const d = new Date(local * 1000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      nanos: this.nanos,
      weekday: d.getUTCDay(),
      yearDay: dayOfYear(d),
    };
  }

  /** Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST". */
  toString(): string {
    return formatGoTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
  }

  /** Methods templates may call on a time.Time. */
  method(name: string): GoMethod | undefined {
    switch (name) {
      case 'Format': return { params: ['string'], call: (layout) => formatGoTime(this, layout as string) };
      case 'UTC': return { params: [], call: () => this.in(UTC_ZONE) };
      case 'Local': return { params: [], call: () => this.in(zoneAt('Local', this.unixSeconds)) };
      case 'Add': return { params: ['value'], call: (d) => this.add(d) };
      case 'Before': return { params: ['time.Time'], call: (o) => this.unixNanos() < (o as GoTime).unixNanos() };
      case 'After': return { params: ['time.Time'], call: (o) => this.unixNanos() > (o as GoTime).unixNanos() };
      case 'Equal': return { params: ['time.Time'], call: (o) => this.unixNanos() === (o as GoTime).unixNanos() };
      case 'Unix': return { params: [], call: () => this.unixSeconds };
      case 'UnixMilli': return { params: [], call: () => this.unixNanos() / 1_000_000n };
      case 'UnixNano': return { params: [], call: () => this.unixNanos() };
      case 'IsZero': return { params: [], call: () => this.isZero() };
      case 'String': return { params: [], call: () => this.toString() };
      case 'Year': return { params: [], call: () => BigInt(this.fields().year) };
      case 'Sub': return { params: ['time.Time'], call: (o) => new GoDuration(this.unixNanos() - (o as GoTime).unixNanos()) };
    }
    return undefined;
  }

  /** MarshalJSON / RFC3339Nano. */
  toRFC3339Nano(): string {
    return formatGoTime(this, '2006-01-02T15:04:05.999999999Z07:00');
  }
}

function dayOfYear(d: Date): number {
  const jan1 = new Date(0);
  jan1.setUTCFullYear(d.getUTCFullYear(), 0, 1);
  const day = new Date(0);
  day.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day.getTime() - jan1.getTime()) / 86400000) + 1;
}

export interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  weekday: number;
  yearDay: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];


function formatOffset(offsetSeconds: number, colon: boolean, hoursOnly: boolean, withSeconds = false): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const h = pad(Math.floor(abs / 3600), 2);
  const m = pad(Math.floor((abs % 3600) / 60), 2);
  const s = pad(abs % 60, 2);
  if (hoursOnly) return sign + h;
  const sep = colon ? ':' : '';
  return sign + h + sep + m + (withSeconds ? sep + s : '');
}

// Layout tokens, longest first where prefixes collide.
const TOKENS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST',
  '2006', '06', '01', '02', '_2', '__2', '002', '15', '03', '04', '05',
  'PM', 'pm',
  'Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07',
  '-070000', '-07:00:00', '-0700', '-07:00', '-07',
  '1', '2', '3', '4', '5',
];

/** Formats a time with a Go reference layout ("2006-01-02 15:04:05"). */
export function formatGoTime(t: GoTime, layout: string): string {
  const f = t.fields();
  let out = '';
  let i = 0;
  while (i < layout.length) {
    // Fractional seconds: .000 / ,000 (fixed) or .999 / ,999 (trailing zeros trimmed), after a seconds field.
    const fr = /^[.,](0+|9+)/.exec(layout.slice(i));
    if (fr && /(05|5)$/.test(layout.slice(0, i)) && !/^\d/.test(layout.slice(i + fr[0].length))) {
      const digits = fr[1].length;
      let frac = String(f.nanos).padStart(9, '0').slice(0, digits);
      if (fr[1][0] === '9') {
        frac = frac.replace(/0+$/, '');
        out += frac ? fr[0][0] + frac : '';
      } else {
        out += fr[0][0] + frac;
      }
      i += fr[0].length;
      continue;
    }
    const tok = TOKENS.filter((k) => layout.startsWith(k, i)).sort((a, b) => b.length - a.length)[0];
    if (!tok) {
      out += layout[i];
      i++;
      continue;
    }
    i += tok.length;
    const off = t.zone.offsetSeconds;
    switch (tok) {
      case 'January': out += MONTHS[f.month - 1]; break;
      case 'Jan': out += MONTHS[f.month - 1].slice(0, 3); break;
      case 'Monday': out += DAYS[f.weekday]; break;
      case 'Mon': out += DAYS[f.weekday].slice(0, 3); break;
      case 'MST': out += t.zone.name; break;
      case '2006': out += pad(f.year, 4); break;
      case '06': out += pad(f.year % 100, 2); break;
      case '01': out += pad(f.month, 2); break;
      case '1': out += String(f.month); break;
      case '02': out += pad(f.day, 2); break;
      case '_2': out += pad(f.day, 2, ' '); break;
      case '2': out += String(f.day); break;
      case '__2': out += pad(f.yearDay, 3, ' '); break;
      case '002': out += pad(f.yearDay, 3); break;
      case '15': out += pad(f.hour, 2); break;
      case '03': out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, 2); break;
      case '3': out += String(f.hour % 12 === 0 ? 12 : f.hour % 12); break;
      case '04': out += pad(f.minute, 2); break;
      case '4': out += String(f.minute); break;
      case '05': out += pad(f.second, 2); break;
      case '5': out += String(f.second); break;
      case 'PM': out += f.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += f.hour >= 12 ? 'pm' : 'am'; break;
      case 'Z070000': case 'Z07:00:00': case 'Z0700': case 'Z07:00': case 'Z07':
        if (off === 0) { out += 'Z'; break; }
        out += formatOffset(off, tok.includes(':'), tok === 'Z07', tok.length > 7 || tok === 'Z070000');
        break;
      case '-070000': case '-07:00:00': case '-0700': case '-07:00': case '-07':
        out += formatOffset(off, tok.includes(':'), tok === '-07', tok === '-070000' || tok === '-07:00:00');
        break;
    }
  }
  return out;
}

/** time.Duration.String(): "1h2m3.5s", "150ms", "0s". */
export function formatDuration(d: GoDuration): string {
  let n = d.nanos;
  const neg = n < 0n;
  if (neg) n = -n;
  if (n === 0n) return '0s';
  let out: string;
  if (n < 1_000_000_000n) {
    // Sub-second: ns, µs or ms with a fraction.
    let unit: string;
    let scale: bigint;
    if (n < 1000n) { unit = 'ns'; scale = 1n; }
    else if (n < 1_000_000n) { unit = 'µs'; scale = 1000n; }
    else { unit = 'ms'; scale = 1_000_000n; }
    out = fractional(n, scale) + unit;
  } else {
    const h = n / 3_600_000_000_000n;
    const rem = n % 3_600_000_000_000n;
    const m = rem / 60_000_000_000n;
    const s = rem % 60_000_000_000n;
    out = fractional(s, 1_000_000_000n) + 's';
    if (h > 0n || m > 0n) out = `${m}m` + out;
    if (h > 0n) out = `${h}h` + out;
  }
  return (neg ? '-' : '') + out;
}

function fractional(v: bigint, scale: bigint): string {
  const whole = v / scale;
  const frac = v % scale;
  if (frac === 0n) return String(whole);
  const digits = String(scale).length - 1;
  return `${whole}.${String(frac).padStart(digits, '0').replace(/0+$/, '')}`;
}
