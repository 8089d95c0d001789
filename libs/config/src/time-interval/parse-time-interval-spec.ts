// Parsing and validating one time_interval spec, with Alertmanager's error wording.
import type { InclusiveRange, TimeIntervalSpec, TimeRange } from '../time-interval.types';
import type { YamlValue } from '../yaml/yaml-value';
import { isKnownLocation } from './zoned-clock';

const SPEC_KEYS = ['times', 'weekdays', 'days_of_month', 'months', 'years', 'location'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const VALID_TIME = /^((([01][0-9])|(2[0-3])):[0-5][0-9])$|(^24:00$)/;

/** "HH:MM" to minutes since midnight; throws Alertmanager's message. */
export function parseClockTime(s: string): number {
  if (!VALID_TIME.test(s)) throw new Error(`couldn't parse timestamp ${s}, invalid format`);
  const [h, m] = s.split(':').map(Number);
  return h * 60 + m;
}

/** Go's strconv.Atoi for the range members (optional sign, decimal digits). */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** `a:b` or `a`, lower-cased, each member converted by `member`. */
function parseRange(input: string, member: (s: string) => number): InclusiveRange {
  const s = input.toLowerCase();
  if (s.includes(':')) {
    const parts = s.split(':');
    if (parts.length !== 2) throw new Error(`couldn't parse range ${s}, invalid format`);
    return { begin: member(parts[0]), end: member(parts[1]) };
  }
  const v = member(s);
  return { begin: v, end: v };
}

export function parseWeekdayRange(s: string): InclusiveRange {
  const r = parseRange(s, (m) => {
    const i = WEEKDAYS.indexOf(m);
    if (i < 0) throw new Error(`${m} is not a valid weekday`);
    return i;
  });
  if (r.begin > r.end) throw new Error('start day cannot be before end day');
  return r;
}

export function parseDayOfMonthRange(s: string): InclusiveRange {
  const r = parseRange(s, atoi);
  for (const d of [r.begin, r.end]) {
    if (d === 0 || d < -31 || d > 31) throw new Error(`${d} is not a valid day of the month: out of range`);
  }
  if (r.begin < 0 && r.end > 0) throw new Error('end day must be negative if start day is negative');
  const checkBegin = r.begin < 0 ? 28 + r.begin : r.begin;
  const checkEnd = r.end < 0 ? 28 + r.end : r.end;
  if (checkBegin > checkEnd) throw new Error(`end day ${r.end} is always before start day ${r.begin}`);
  return r;
}

export function parseMonthRange(s: string): InclusiveRange {
  const r = parseRange(s, (m) => {
    const i = MONTHS.indexOf(m);
    if (i >= 0) return i + 1;
    try {
      return atoi(m);
    } catch {
      throw new Error(`${m} is not a valid month`);
    }
  });
  if (r.begin > r.end) {
    throw new Error(`end month ${MONTHS[r.end - 1] ?? ''} is before start month ${MONTHS[r.begin - 1] ?? ''}`);
  }
  return r;
}

export function parseYearRange(s: string): InclusiveRange {
  const r = parseRange(s, atoi);
  if (r.begin > r.end) throw new Error(`end year ${r.end} is before start year ${r.begin}`);
  return r;
}

function readRanges(v: YamlValue, goType: string, parse: (s: string) => InclusiveRange): { ranges?: InclusiveRange[]; raw?: string[] } {
  if (v.isNull) return {};
  const raw: string[] = [];
  const ranges: InclusiveRange[] = [];
  for (const item of v.asList(goType)) {
    const s = item.asString();
    if (s === undefined) continue;
    try {
      ranges.push(parse(s));
      raw.push(s);
    } catch (e) {
      item.error((e as Error).message);
    }
  }
  return { ranges, raw };
}

function readTimes(v: YamlValue): { times?: TimeRange[]; raw?: { startTime: string; endTime: string }[] } {
  if (v.isNull) return {};
  const times: TimeRange[] = [];
  const raw: { startTime: string; endTime: string }[] = [];
  for (const item of v.asList('[]timeinterval.TimeRange')) {
    const s = item.asStruct('timeinterval.yamlTimeRange', ['start_time', 'end_time']);
    if (!s) continue;
    const startTime = s.get('start_time').asString() ?? '';
    const endTime = s.get('end_time').asString() ?? '';
    if (startTime === '' || endTime === '') {
      item.error('both start and end times must be provided');
      continue;
    }
    try {
      const startMinute = parseClockTime(startTime);
      const endMinute = parseClockTime(endTime);
      if (startMinute >= endMinute) throw new Error('start time cannot be equal or greater than end time');
      times.push({ startMinute, endMinute });
      raw.push({ startTime, endTime });
    } catch (e) {
      item.error((e as Error).message);
    }
  }
  return { times, raw };
}

export function parseTimeIntervalSpec(v: YamlValue): TimeIntervalSpec | undefined {
  const s = v.asStruct('timeinterval.TimeInterval', SPEC_KEYS);
  if (!s) return v.isNull ? { raw: {} } : undefined;
  const times = readTimes(s.get('times'));
  const weekdays = readRanges(s.get('weekdays'), '[]timeinterval.WeekdayRange', parseWeekdayRange);
  const days = readRanges(s.get('days_of_month'), '[]timeinterval.DayOfMonthRange', parseDayOfMonthRange);
  const months = readRanges(s.get('months'), '[]timeinterval.MonthRange', parseMonthRange);
  const years = readRanges(s.get('years'), '[]timeinterval.YearRange', parseYearRange);
  const spec: TimeIntervalSpec = {
    times: times.times,
    weekdays: weekdays.ranges,
    daysOfMonth: days.ranges,
    months: months.ranges,
    years: years.ranges,
    raw: { times: times.raw, weekdays: weekdays.raw, daysOfMonth: days.raw, months: months.raw, years: years.raw },
  };
  const location = s.get('location').asString();
  if (location !== undefined) {
    if (!isKnownLocation(location)) s.get('location').error(`unknown time zone ${location}`);
    else spec.location = location === '' ? 'UTC' : location;
  }
  return spec;
}
