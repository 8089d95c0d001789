// Go `time.Duration` parsing and printing (used by per-integration `timeout` fields).
// Values are milliseconds (fractions keep sub-millisecond precision).

const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5
  'μs': 1000n, // U+03BC
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const MAX_NS = 2n ** 63n - 1n;

/** Parses `300ms`, `1.5h`, `2h45m`, `-1m` to milliseconds; errors use Go's wording. */
export function parseGoDuration(s: string): number {
  return Number(parseGoDurationNs(s)) / 1e6;
}

/** Same as parseGoDuration, in exact nanoseconds. */
export function parseGoDurationNs(input: string): bigint {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(input)}`);
  let s = input;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
    const [whole, intPart, fracPart = ''] = m;
    if (intPart === '' && fracPart === '') throw invalid(); // needs a digit before or after the dot
    s = s.slice(whole.length);
    const unitMatch = /^[^0-9.]*/.exec(s) as RegExpExecArray;
    const unit = unitMatch[0];
    if (unit === '') throw new Error(`time: missing unit in duration ${JSON.stringify(input)}`);
    const mult = UNIT_NS[unit];
    if (mult === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(input)}`);
    s = s.slice(unit.length);
    let v = BigInt(intPart || '0') * mult;
    if (v > MAX_NS + 1n) throw invalid();
    v += fractionNs(fracPart, mult);
    total += v;
    if (total > MAX_NS + (negative ? 1n : 0n)) throw invalid();
  }
  return negative ? -total : total;
}

/**
 * The fractional part as Go computes it: digits accumulate while they fit in int64, then
 * `float64(fraction) * (float64(unit) / scale)` truncated, so `0.3333333333333333333h` is 20m.
 */
function fractionNs(digits: string, unit: bigint): bigint {
  let f = 0n;
  let scale = 1;
  let overflow = false;
  for (const d of digits) {
    if (overflow) continue;
    const next = f * 10n + BigInt(d);
    if (f > MAX_NS / 10n || next > MAX_NS + 1n) {
      overflow = true;
      continue;
    }
    f = next;
    scale *= 10;
  }
  if (f === 0n) return 0n;
  return BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
}

/** Go's `Duration.String()`: `1h30m0s`, `1m30s`, `500ms`, `1.5µs`, `0s`. */
export function formatGoDuration(ms: number): string {
  return formatGoDurationNs(BigInt(Math.round(ms * 1e6)));
}

export function formatGoDurationNs(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  if (u < 1000000000n) {
    if (u < 1000n) return `${sign}${u}ns`;
    if (u < 1000000n) return `${sign}${fraction(u, 3)}µs`;
    return `${sign}${fraction(u, 6)}ms`;
  }
  const hours = u / 3600000000000n;
  const minutes = (u / 60000000000n) % 60n;
  const seconds = fraction(u % 60000000000n, 9);
  let out = sign;
  if (hours > 0n) out += `${hours}h`;
  if (hours > 0n || minutes > 0n) out += `${minutes}m`;
  return `${out}${seconds}s`;
}

/** `v / 10^digits` printed with trailing fractional zeros removed. */
function fraction(v: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac === '' ? `${whole}` : `${whole}.${frac}`;
}
