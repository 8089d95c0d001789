// The routing tree with inherited options, Alertmanager's route keys and per-node ids.
import { Matcher, matchersToString, compareMatchers, compareUtf8 } from '../../core/src';

/** The fields of config's `RouteConfig` the dispatcher needs (a `RouteConfig` is accepted as is). */
export interface RouteDefinition {
  receiver?: string;
  /** As written; `undefined` inherits; `['...']` groups by all labels. */
  groupBy?: string[];
  continue: boolean;
  matchers: Matcher[];
  groupWait?: number;
  groupInterval?: number;
  repeatInterval?: number;
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
  routes: RouteDefinition[];
}

export interface Route {
  /**
   * Alertmanager's `Route.Key()`: the parent's key, `/`, then the node's sorted matchers,
   * e.g. `{}/{severity=~"crit.*"}`. Siblings with identical matchers share a key (as in 0.25
   * and 0.34); group keys are built from it.
   */
  key: string;
  /** Alertmanager's `Route.ID()`: the key plus `/<position among siblings>` (the root has none). Unique. */
  id: string;
  /** Position among the parent's children; -1 for the root. */
  index: number;
  receiver: string;
  /** Sorted, de-duplicated label names; ignored when `groupByAll`. */
  groupBy: string[];
  groupByAll: boolean;
  groupWait: number;
  groupInterval: number;
  repeatInterval: number;
  matchers: Matcher[];
  continue: boolean;
  /** Not inherited from the parent. */
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
  routes: Route[];
}

export const DEFAULT_GROUP_WAIT_MS = 30_000;
export const DEFAULT_GROUP_INTERVAL_MS = 5 * 60_000;
export const DEFAULT_REPEAT_INTERVAL_MS = 4 * 3_600_000;
export const GROUP_BY_ALL = '...';

interface InheritedOptions {
  receiver: string;
  groupBy: string[];
  groupByAll: boolean;
  groupWait: number;
  groupInterval: number;
  repeatInterval: number;
}

const ROOT_DEFAULTS: InheritedOptions = {
  receiver: '',
  groupBy: [],
  groupByAll: false,
  groupWait: DEFAULT_GROUP_WAIT_MS,
  groupInterval: DEFAULT_GROUP_INTERVAL_MS,
  repeatInterval: DEFAULT_REPEAT_INTERVAL_MS,
};

export function buildRouteTree(root: RouteDefinition): Route {
  return buildNode(root, ROOT_DEFAULTS, undefined, -1);
}

function buildNode(def: RouteDefinition, inherited: InheritedOptions, parentKey: string | undefined, index: number): Route {
  const opts = applyOverrides(def, inherited);
  const matchers = [...def.matchers].sort(compareMatchers);
  const ownKey = matchersToString(matchers);
  const key = parentKey === undefined ? ownKey : `${parentKey}/${ownKey}`;
  const route: Route = {
    key,
    id: index < 0 ? key : `${key}/${index}`,
    index,
    ...opts,
    matchers,
    continue: def.continue,
    muteTimeIntervals: [...def.muteTimeIntervals],
    activeTimeIntervals: [...def.activeTimeIntervals],
    routes: [],
  };
  route.routes = def.routes.map((child, i) => buildNode(child, opts, key, i));
  return route;
}

function applyOverrides(def: RouteDefinition, inherited: InheritedOptions): InheritedOptions {
  const opts = { ...inherited };
  if (def.receiver !== undefined && def.receiver !== '') opts.receiver = def.receiver;
  if (def.groupBy !== undefined) {
    if (def.groupBy.includes(GROUP_BY_ALL)) {
      opts.groupByAll = true;
    } else {
      // From 0.31 an explicit list, even an empty one, replaces the parent's.
      opts.groupBy = [...new Set(def.groupBy)].sort(compareUtf8);
      opts.groupByAll = false;
    }
  }
  if (def.groupWait !== undefined) opts.groupWait = def.groupWait;
  if (def.groupInterval !== undefined) opts.groupInterval = def.groupInterval;
  if (def.repeatInterval !== undefined) opts.repeatInterval = def.repeatInterval;
  return opts;
}

/** Visits every node depth first, parents before children. */
export function walkRoutes(root: Route, visit: (route: Route) => void): void {
  visit(root);
  for (const child of root.routes) walkRoutes(child, visit);
}
