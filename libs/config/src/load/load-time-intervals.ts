// `time_intervals` and the deprecated `mute_time_intervals`: one namespace of named intervals.
import type { NamedTimeInterval, TimeIntervalSpec } from '../types';
import { parseTimeIntervalSpec } from '../time-interval/parse-time-interval-spec';
import type { YamlValue } from '../yaml/yaml-value';

export function loadNamedTimeIntervals(
  v: YamlValue,
  fromMute: boolean,
  into: Map<string, NamedTimeInterval>,
): void {
  const what = fromMute ? 'mute time interval' : 'time interval';
  for (const item of v.asList(fromMute ? '[]config.MuteTimeInterval' : '[]config.TimeInterval')) {
    const s = item.asStruct('config.plain', ['name', 'time_intervals']);
    if (!s) continue;
    const name = s.get('name').asString() ?? '';
    const specs: TimeIntervalSpec[] = [];
    for (const specValue of s.get('time_intervals').asList('[]timeinterval.TimeInterval')) {
      const spec = parseTimeIntervalSpec(specValue);
      if (spec) specs.push(spec);
    }
    if (name === '') {
      s.error(`missing name in ${what}`);
      continue;
    }
    if (into.has(name)) {
      s.get('name').error(`${what} ${JSON.stringify(name)} is not unique`);
      continue;
    }
    into.set(name, { name, timeIntervals: specs, fromMuteTimeIntervals: fromMute });
  }
}
