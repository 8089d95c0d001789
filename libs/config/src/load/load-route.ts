// A `route` node and its children, with the per-route checks of Alertmanager's Route unmarshalling.
import { sortMatchers } from '../../../core/src';
import type { RouteConfig } from '../types';
import { YamlValue, joinPath } from '../yaml/yaml-value';
import { readDuration } from './field-parsers';
import { isLabelNameValid, LoadContext } from './load-context';
import { readMatchMap, readMatcherStrings } from './load-matchers';

const ROUTE_KEYS = [
  'receiver', 'group_by', 'match', 'match_re', 'matchers', 'continue', 'routes', 'group_wait',
  'group_interval', 'repeat_interval', 'mute_time_intervals', 'active_time_intervals',
];

export function loadRoute(ctx: LoadContext, v: YamlValue): RouteConfig | undefined {
  const s = v.asStruct('config.plain', ROUTE_KEYS);
  if (!s) return undefined;
  const match = readMatchMap(s.get('match'), false);
  const matchRe = readMatchMap(s.get('match_re'), true);
  const fromStrings = readMatcherStrings(ctx, s.get('matchers'));
  const route: RouteConfig = {
    receiver: s.get('receiver').asString() || undefined,
    groupBy: readGroupBy(ctx, s.get('group_by')),
    continue: s.get('continue').asBool() ?? false,
    matchers: sortMatchers([...match.matchers, ...matchRe.matchers, ...(fromStrings ?? [])]),
    groupWait: readDuration(s.get('group_wait')),
    groupInterval: readNonZeroDuration(s.get('group_interval'), 'group_interval'),
    repeatInterval: readNonZeroDuration(s.get('repeat_interval'), 'repeat_interval'),
    muteTimeIntervals: s.get('mute_time_intervals').asStringList() ?? [],
    activeTimeIntervals: s.get('active_time_intervals').asStringList() ?? [],
    routes: [],
    raw: {
      match: match.map,
      matchRe: matchRe.map,
      matchers: fromStrings?.map((m) => m.toString()),
    },
    place: { path: v.path, line: v.line },
  };
  s.get('routes').asList('[]*config.Route').forEach((child) => {
    const loaded = loadRoute(ctx, child);
    if (loaded) route.routes.push(loaded);
  });
  return route;
}

function readNonZeroDuration(v: YamlValue, key: string): number | undefined {
  const ms = readDuration(v);
  if (ms === 0) v.error(`${key} cannot be zero`);
  return ms;
}

function readGroupBy(ctx: LoadContext, v: YamlValue): string[] | undefined {
  const names = v.asStringList();
  if (names === undefined) return undefined;
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '...') continue;
    if (!isLabelNameValid(ctx, name)) v.error(`invalid label name ${JSON.stringify(name)} in group_by list`);
    else if (seen.has(name)) v.error(`duplicated label ${JSON.stringify(name)} in group_by`);
    seen.add(name);
  }
  if (names.includes('...') && seen.size > 0) {
    v.error('cannot have wildcard group_by (`...`) and other labels at the same time');
  }
  return names;
}

/** Visits a route tree depth-first, with each node's path. */
export function walkRoutes(route: RouteConfig, visit: (r: RouteConfig, path: string) => void, path = 'route'): void {
  visit(route, path);
  route.routes.forEach((child, i) => walkRoutes(child, visit, joinPath(path, `routes[${i}]`)));
}
