// Whether an instant falls inside time interval specs (a named interval matches if any spec does).
import type { InclusiveRange, TimeIntervalSpec } from '../time-interval.types';
import { goDaysInMonth, wallClock } from './zoned-clock';

function inAny(ranges: readonly InclusiveRange[], n: number): boolean {
  return ranges.some((r) => n >= r.begin && n <= r.end);
}

function clamp(n: number, min: number, max: number): number {
  return n <= min ? min : n >= max ? max : n;
}

function dayOfMonthMatches(ranges: readonly InclusiveRange[], day: number, daysInMonth: number): boolean {
  for (const r of ranges) {
    let begin = r.begin < 0 ? daysInMonth + r.begin + 1 : r.begin;
    let end = r.end < 0 ? daysInMonth + r.end + 1 : r.end;
    if (begin > daysInMonth) continue;
    begin = clamp(begin, -daysInMonth, daysInMonth);
    end = clamp(end, -daysInMonth, daysInMonth);
    if (day >= begin && day <= end) return true;
  }
  return false;
}

/** One spec: every field present must match (in the spec's location, UTC by default). */
export function timeIntervalContains(spec: TimeIntervalSpec, at: Date): boolean {
  const location = spec.location ?? 'UTC';
  const c = wallClock(at.getTime(), location);
  if (spec.times !== undefined) {
    const minute = c.hour * 60 + c.minute;
    if (!spec.times.some((t) => minute >= t.startMinute && minute < t.endMinute)) return false;
  }
  if (spec.daysOfMonth !== undefined && !dayOfMonthMatches(spec.daysOfMonth, c.day, goDaysInMonth(c.year, c.month, location))) {
    return false;
  }
  if (spec.months !== undefined && !inAny(spec.months, c.month)) return false;
  if (spec.weekdays !== undefined && !inAny(spec.weekdays, c.weekday)) return false;
  if (spec.years !== undefined && !inAny(spec.years, c.year)) return false;
  return true;
}

/** True when any spec contains the instant. */
export function timeIntervalsContain(specs: readonly TimeIntervalSpec[], at: Date): boolean {
  return specs.some((spec) => timeIntervalContains(spec, at));
}
