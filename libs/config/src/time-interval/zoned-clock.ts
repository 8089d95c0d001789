// Wall-clock fields of an instant in an IANA zone ('UTC', 'Local' or a name), via Intl.DateTimeFormat.
export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number;
  minute: number;
  weekday: number; // 0 = sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(location: string): Intl.DateTimeFormat {
  let f = formatters.get(location);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: location === 'Local' ? undefined : location,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(location, f);
  }
  return f;
}

/** True when the runtime knows the zone (Go's time.LoadLocation would succeed). */
export function isKnownLocation(location: string): boolean {
  if (location === '' || location === 'UTC' || location === 'Local') return true;
  try {
    // Zone files are looked up case-sensitively by Go: 'utc' or 'europe/berlin' are unknown there.
    const resolved = formatterFor(location).resolvedOptions().timeZone;
    return resolved === location || resolved.toLowerCase() !== location.toLowerCase();
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallClock(instantMs: number, location: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(location).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** The zone's UTC offset at an instant, in ms. */
function offsetAt(instantMs: number, location: string): number {
  const c = wallClock(instantMs, location);
  const seconds = Math.floor(instantMs / 1000) % 60;
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, seconds < 0 ? seconds + 60 : seconds);
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** The instant of local midnight starting (year, month, day) in the zone. */
export function localMidnight(year: number, month: number, day: number, location: string): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = offsetAt(guess, location);
  const second = offsetAt(guess - first, location);
  return guess - second;
}

/**
 * Days in the month as Alertmanager computes them: whole 24-hour periods between the local
 * midnights starting this month and the next, so a month that loses an hour to DST counts one day less.
 */
export function goDaysInMonth(year: number, month: number, location: string): number {
  const start = localMidnight(year, month, 1, location);
  const next = month === 12 ? localMidnight(year + 1, 1, 1, location) : localMidnight(year, month + 1, 1, location);
  return Math.trunc((next - start) / 3_600_000 / 24);
}
