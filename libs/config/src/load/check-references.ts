// Checks across sections: the root route's restrictions, receivers and time intervals used by
// routes exist, receiver names are unique.
import type { ReceiverConfig, RouteConfig, NamedTimeInterval } from '../types';
import type { IssueList } from '../yaml/yaml-value';
import { walkRoutes } from './load-route';

export function checkRootRoute(route: RouteConfig, issues: IssueList): void {
  const at = route.place ?? { path: 'route' };
  if (route.receiver === undefined) issues.add(at, 'root route must specify a default receiver');
  if (route.matchers.length > 0 || (route.raw.matchers?.length ?? 0) > 0) issues.add(at, 'root route must not have any matchers');
  if (route.muteTimeIntervals.length > 0) issues.add(at, 'root route must not have any mute time intervals');
  if (route.activeTimeIntervals.length > 0) issues.add(at, 'root route must not have any active time intervals');
  if (route.continue) issues.add(at, 'cannot have continue in root route');
}

export function checkReceiverNames(receivers: { receiver: ReceiverConfig; place: { path: string; line?: number } }[], issues: IssueList): void {
  const seen = new Set<string>();
  for (const { receiver, place } of receivers) {
    if (receiver.name === '') continue;
    if (seen.has(receiver.name)) issues.add(place, `notification config name ${JSON.stringify(receiver.name)} is not unique`);
    seen.add(receiver.name);
  }
}

export function checkRouteReferences(
  route: RouteConfig,
  receiverNames: ReadonlySet<string>,
  intervals: ReadonlyMap<string, NamedTimeInterval>,
  issues: IssueList,
): void {
  walkRoutes(route, (r, path) => {
    const at = r.place ?? { path };
    if (r.receiver !== undefined && !receiverNames.has(r.receiver)) {
      issues.add({ path: `${at.path}.receiver`, line: at.line }, `undefined receiver ${JSON.stringify(r.receiver)} used in route`);
    }
    for (const name of [...r.muteTimeIntervals, ...r.activeTimeIntervals]) {
      if (!intervals.has(name)) issues.add(at, `undefined time interval ${JSON.stringify(name)} used in route`);
    }
  });
}
