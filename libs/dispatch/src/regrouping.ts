// Which stored alerts the dispatcher has to group again after a re-post. Alertmanager's
// dispatcher sees every update of every alert; grouping an update again changes something only
// when the alert (re)joins its groups or can still bring a group's first flush forward.
import { isResolved, StoredAlert } from './alert';
import { DEFAULT_GROUP_WAIT_MS } from './route-tree';

/** The parts of a routing tree node that bound its group_wait values. */
interface GroupWaitNode {
  groupWait?: number;
  routes: readonly GroupWaitNode[];
}

/** The longest `group_wait` of any route of the tree (the root's default when it sets none). */
export function longestGroupWait(root: GroupWaitNode): number {
  let longest = root.groupWait ?? DEFAULT_GROUP_WAIT_MS;
  const visit = (node: GroupWaitNode): void => {
    for (const child of node.routes) {
      if (child.groupWait !== undefined && child.groupWait > longest) longest = child.groupWait;
      visit(child);
    }
  };
  visit(root);
  return longest;
}

/**
 * False only when grouping `next` (just stored over `previous` at `now`) again cannot change
 * any aggregation group. It was firing and still is, so it is still a member of its groups
 * (alerts leave a group only once resolved), and either
 * - its `startsAt + group_wait` had passed, for the longest group_wait, when `previous` was
 *   stored, so that grouping already brought the first flush of any unflushed group forward
 *   (Alertmanager's "flush at once for an old alert"), and this one cannot do more; or
 * - twice the longest group_wait has passed since `previous` was stored and since the alert
 *   started: the groups it joined then (or earlier) were due for their first flush by now.
 *   Grouped at a moment `d`, after it was stored, a group's first flush is due at `d +
 *   group_wait` when `d` is within `startsAt + group_wait`, so by `startsAt + 2 × group_wait`;
 *   otherwise at once, at `d`, which grouping this refresh could not make earlier either.
 *   With Prometheus re-sending every minute, this is what spares a new alert's first refresh.
 */
export function needsRegrouping(previous: StoredAlert | undefined, next: StoredAlert, now: number, longestGroupWaitMs: number): boolean {
  if (!previous || isResolved(previous, now) || isResolved(next, now)) return true;
  const latestStart = Math.max(previous.startsAt, next.startsAt);
  if (latestStart + longestGroupWaitMs < previous.updatedAt) return false;
  return Math.max(latestStart, previous.updatedAt) + 2 * longestGroupWaitMs >= now;
}
