// Which aggregation groups an alert belongs to under a plan (routing, group labels, group ids).
import { LabelSet, labelSetString, matchesLabels, sha256Hex } from '../../../../libs/core/src';
import { Route, StoredAlert, groupKey, groupLabels, matchRoutes } from '../../../../libs/dispatch/src';
import type { GroupMembership } from '../../../../libs/store/src/dispatch';
import type { DispatchPlan } from './dispatch-plan';

/** A group is one route and one group-label set; its id is a hash of both (stable across processes). */
export function groupId(route: Route, labels: LabelSet): string {
  return sha256Hex(`${route.id}\n${labelSetString(labels)}`).slice(0, 32);
}

export function membershipsOf(plan: DispatchPlan, alert: StoredAlert, now: number): GroupMembership[] {
  return matchRoutes(plan.tree, alert.labels).map((route) => {
    const labels = groupLabels(route, alert.labels);
    return {
      groupId: groupId(route, labels),
      meta: { groupKey: groupKey(route, labels), routeId: route.id, labels },
      fingerprint: alert.fingerprint,
      firstFlushAt: now + route.groupWait,
      flushAtOnce: alert.startsAt + route.groupWait < now,
      now,
    };
  });
}

/** Whether the alert still lands in the group (routes and group_by may have changed since it joined). */
export function stillBelongs(plan: DispatchPlan, route: Route, groupLabelSet: LabelSet, alert: StoredAlert): boolean {
  if (!matchRoutes(plan.tree, alert.labels).includes(route)) return false;
  return labelSetString(groupLabels(route, alert.labels)) === labelSetString(groupLabelSet);
}

/** Whether the alert can inhibit others under some rule of the plan. */
export function isInhibitionSource(plan: DispatchPlan, alert: StoredAlert): boolean {
  return plan.inhibitRules.some((rule) => matchesLabels(rule.sourceMatchers, alert.labels));
}
