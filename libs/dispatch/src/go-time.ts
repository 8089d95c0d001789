// Go's zero time.Time and the RFC3339Nano text Go prints for a time, on millisecond timestamps.

/** Go's zero `time.Time` (0001-01-01T00:00:00Z) as Unix milliseconds; it means "unset". */
export const GO_ZERO_TIME_MS = -62135596800000;

export function isZeroTime(ms: number | undefined | null): boolean {
  return ms === undefined || ms === null || ms === GO_ZERO_TIME_MS;
}

/**
 * Formats Unix milliseconds the way Go's `time.Time.MarshalJSON` prints a UTC time
 * (RFC3339Nano): fractional seconds with trailing zeros trimmed, no fraction when zero.
 * A sub-millisecond fraction of `ms` is kept to the microsecond (a double holding a current
 * Unix-ms time resolves about 0.25 µs, so finer digits would be noise).
 */
export function formatGoRfc3339Nano(ms: number): string {
  // The alerts of a notification share a few times (every firing alert's endsAt is Go's zero
  // time; alerts of one rule evaluation start together): those are formatted once.
  let text = recentlyFormatted.get(ms);
  if (text === undefined) {
    if (recentlyFormatted.size >= RECENTLY_FORMATTED_MAX) recentlyFormatted.clear();
    recentlyFormatted.set(ms, (text = formatRfc3339Nano(ms)));
  }
  return text;
}

const RECENTLY_FORMATTED_MAX = 4096;
const recentlyFormatted = new Map<number, string>();

function formatRfc3339Nano(ms: number): string {
  const wholeMs = Math.floor(ms);
  const subMsNanos = Math.round((ms - wholeMs) * 1e3) * 1e3;
  const iso = new Date(wholeMs).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const seconds = iso.slice(0, 19);
  const nanos = Number(iso.slice(20, 23)) * 1e6 + subMsNanos;
  if (nanos === 0) return `${seconds}Z`;
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${seconds}.${fraction}Z`;
}
