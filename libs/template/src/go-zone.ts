// Zones of time.Time values: UTC, fixed offsets, and IANA zones (time.LoadLocation + Time.In for
// the `tz` function) resolved through Intl (no I/O).

export interface GoZone {
  /** Zone abbreviation as Go prints it ("UTC", "CET", or "+0200" for unnamed fixed zones). */
  name: string;
  /** Offset east of UTC in seconds, for this instant. */
  offsetSeconds: number;
  /** IANA name to resolve offsets for other instants (undefined for fixed zones). */
  iana?: string;
}

export const UTC_ZONE: GoZone = { name: 'UTC', offsetSeconds: 0 };

export function pad(n: number, width: number, ch = '0'): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, ch);
}

/** Resolves an IANA zone name (or "UTC"/"Local") at an instant, as time.LoadLocation + In would. */
export function zoneAt(name: string, unixSeconds: bigint): GoZone {
  if (name === '' || name === 'UTC') return UTC_ZONE;
  const resolved = name === 'Local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: resolved,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new Error(`unknown time zone ${name}`);
  }
  const ms = Number(unixSeconds) * 1000;
  const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  // setUTCFullYear, not Date.UTC, which reads years below 100 as 19xx.
  const wall = new Date(0);
  wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour) % 24, Number(parts.minute), Number(parts.second), 0);
  const asUtc = wall.getTime();
  const offsetSeconds = Math.round((asUtc - ms) / 1000);
  return { name: zoneAbbreviation(resolved, ms, offsetSeconds), offsetSeconds, iana: resolved };
}

/**
 * The abbreviation Go's tzdata prints for a zone: Intl knows the letter abbreviations in the
 * locale of the zone's region (EST in en-US, CET in en-GB, AEST in en-AU, IST in en-IN, JST in
 * ja-JP); elsewhere tzdata uses the numeric offset ("+04"), as Go then prints.
 */
function zoneAbbreviation(iana: string, ms: number, offsetSeconds: number): string {
  if (offsetSeconds === 0 && /^(UTC|Etc\/UTC|Etc\/GMT|GMT)$/.test(iana)) return iana.replace(/^Etc\//, '');
  const locale = iana.startsWith('America/') || iana.startsWith('US/') ? 'en-US'
    : iana.startsWith('Europe/') ? 'en-GB'
    : iana.startsWith('Australia/') ? 'en-AU'
    : iana === 'Asia/Kolkata' || iana === 'Asia/Calcutta' ? 'en-IN'
    : iana === 'Asia/Tokyo' ? 'ja-JP'
    : iana === 'Pacific/Auckland' ? 'en-NZ'
    : undefined;
  if (locale) {
    const f = new Intl.DateTimeFormat(locale, { timeZone: iana, timeZoneName: 'short' });
    const abbr = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(abbr)) return abbr;
  }
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  return sign + pad(Math.floor(abs / 3600), 2) + (abs % 3600 ? pad(Math.floor((abs % 3600) / 60), 2) : '');
}
