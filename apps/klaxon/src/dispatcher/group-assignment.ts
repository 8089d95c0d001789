// Which aggregation groups an alert belongs to under a plan (routing, group labels, group ids).
import { LabelSet, labelSetString, matchesLabels, sha256Hex } from '../../../../libs/core/src';
import { Route, StoredAlert, groupKey, groupLabels, matchRoutes } from '../../../../libs/dispatch/src';
import type { GroupMembership } from '../../../../libs/store/src/dispatch';
import type { DispatchPlan } from './dispatch-plan';

/** A group is one route and one group-label set; its id is a hash of both (stable across processes). */
export function groupId(route: Route, labels: LabelSet): string {
  return sha256Hex(`${route.id}\n${labelSetString(labels)}`).slice(0, 32);
}

/**
 * Alertmanager starts a new group's timer when the API hands it the alert. The API stamps
 * `updatedAt` then, so a recent `updatedAt` is used as that moment: the time the alert spent on
 * its way through the event stream does not delay the first notification.
 */
const MAX_INGEST_LAG_MS = 1_000;

function arrivalTime(alert: StoredAlert, now: number): number {
  const lag = now - alert.updatedAt;
  return lag >= 0 && lag < MAX_INGEST_LAG_MS ? alert.updatedAt : now;
}

export function membershipsOf(plan: DispatchPlan, alert: StoredAlert, now: number): GroupMembership[] {
  const arrivedAt = arrivalTime(alert, now);
  return matchRoutes(plan.tree, alert.labels).map((route) => {
    const labels = groupLabels(route, alert.labels);
    return {
      groupId: groupId(route, labels),
      meta: { groupKey: groupKey(route, labels), routeId: route.id, labels },
      fingerprint: alert.fingerprint,
      firstFlushAt: arrivedAt + route.groupWait,
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
