// Group labels of an alert on a route and the aggregation group key.
import { LabelSet, labelSetString } from '../../core/src';
import type { Route } from './route-tree';

/** The alert's labels restricted to the route's `group_by` (all labels for `...`); absent ones are skipped. */
export function groupLabels(route: Pick<Route, 'groupBy' | 'groupByAll'>, labels: LabelSet): LabelSet {
  if (route.groupByAll) return { ...labels };
  const out: LabelSet = {};
  for (const name of route.groupBy) {
    if (Object.prototype.hasOwnProperty.call(labels, name)) out[name] = labels[name];
  }
  return out;
}

/** `<routeKey>:<labelSetString>`, e.g. `{}/{severity=~"crit.*"}:{alertname="Test"}`. */
export function groupKey(route: Pick<Route, 'key'>, groupLabelSet: LabelSet): string {
  return `${route.key}:${labelSetString(groupLabelSet)}`;
}

/** The nflog key of one integration of a receiver in a group: `<groupKey>:<receiver>/<integration>/<index>`. */
export function nflogKey(group: string, receiver: string, integration: string, index: number): string {
  return `${group}:${receiver}/${integration}/${index}`;
}
