// Route tree, inhibit rules and time intervals back to Alertmanager's YAML keys.
import { formatDuration } from '../../../core/src';
import type { InhibitRuleConfig, NamedTimeInterval, RouteConfig } from '../types';
import type { InclusiveRange, TimeIntervalSpec } from '../time-interval.types';
import { omitEmpty, sortedMap, YamlObject } from './yaml-object';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function routeToObject(r: RouteConfig): YamlObject {
  const out: YamlObject = omitEmpty({
    receiver: r.receiver,
    group_by: r.groupBy,
    match: sortedMap(r.raw.match),
    match_re: sortedMap(r.raw.matchRe),
    matchers: r.raw.matchers,
    mute_time_intervals: r.muteTimeIntervals,
    active_time_intervals: r.activeTimeIntervals,
  });
  // Alertmanager prints `group_by: []` when written, and `continue` always.
  if (r.groupBy !== undefined && r.groupBy.length === 0) out.group_by = [];
  out.continue = r.continue;
  return {
    ...out,
    ...omitEmpty({
      routes: r.routes.map(routeToObject),
      group_wait: r.groupWait !== undefined ? formatDuration(r.groupWait) : undefined,
      group_interval: r.groupInterval !== undefined ? formatDuration(r.groupInterval) : undefined,
      repeat_interval: r.repeatInterval !== undefined ? formatDuration(r.repeatInterval) : undefined,
    }),
  };
}

export function inhibitRuleToObject(r: InhibitRuleConfig): YamlObject {
  return omitEmpty({
    name: r.name,
    source_match: sortedMap(r.raw.sourceMatch),
    source_match_re: sortedMap(r.raw.sourceMatchRe),
    source_matchers: r.raw.sourceMatchers,
    target_match: sortedMap(r.raw.targetMatch),
    target_match_re: sortedMap(r.raw.targetMatchRe),
    target_matchers: r.raw.targetMatchers,
    equal: r.equal,
  });
}

function rangeText(r: InclusiveRange, names?: readonly string[]): string {
  const show = (n: number) => (names ? names[n] : String(n));
  return r.begin === r.end ? show(r.begin) : `${show(r.begin)}:${show(r.end)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function specToObject(s: TimeIntervalSpec): YamlObject {
  return omitEmpty({
    times: s.times?.map((t) => ({
      start_time: `${pad(Math.floor(t.startMinute / 60))}:${pad(t.startMinute % 60)}`,
      end_time: `${pad(Math.floor(t.endMinute / 60))}:${pad(t.endMinute % 60)}`,
    })),
    weekdays: s.weekdays?.map((r) => rangeText(r, WEEKDAYS)),
    days_of_month: s.daysOfMonth?.map((r) => rangeText(r)),
    months: s.months?.map((r) => rangeText(r)),
    years: s.years?.map((r) => rangeText(r)),
    location: s.location,
  });
}

export function namedTimeIntervalToObject(t: NamedTimeInterval): YamlObject {
  return { name: t.name, time_intervals: t.timeIntervals.map(specToObject) };
}
