// Prometheus `model.Duration` (alertmanager.yml durations): `1y2w3d4h5m6s7ms` with every unit
// optional but in that order, or `0`. Values are milliseconds.

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 24 * 3600 * 1000],
  ['w', 7 * 24 * 3600 * 1000],
  ['d', 24 * 3600 * 1000],
  ['h', 3600 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Largest duration Go can hold (int64 nanoseconds), in ms. */
const MAX_MS = Number(2n ** 63n - 1n) / 1e6;

/** Parses a Prometheus duration to milliseconds; errors use Prometheus' wording. */
export function parseDuration(s: string): number {
  if (s === '') throw new Error('empty duration string');
  if (s === '0') return 0;
  const m = DURATION_RE.exec(s);
  if (m === null || s.length === 0) throw new Error(`not a valid duration string: ${JSON.stringify(s)}`);
  let ms = 0;
  UNITS.forEach(([, mult], i) => {
    const group = m[i + 1];
    if (group !== undefined) ms += Number(group) * mult;
  });
  if (!Number.isFinite(ms) || ms > MAX_MS) throw new Error('duration out of range');
  return ms;
}

/** Formats like Prometheus: `5m`, `1h30m`, `1d`, `2w`, `1y`, `0s`; y and w only when exact. */
export function formatDuration(ms: number): string {
  let rest = Math.trunc(ms);
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, mult] of UNITS) {
    const exactOnly = unit === 'y' || unit === 'w';
    if (exactOnly && rest % mult !== 0) continue;
    const v = Math.floor(rest / mult);
    if (v > 0) {
      out += `${v}${unit}`;
      rest -= v * mult;
    }
  }
  return out;
}
