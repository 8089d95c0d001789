// Whether a route is muted by its time intervals at an instant (TimeActive, then TimeMute stage).
import type { Route } from './route-tree';

export interface RouteTimeMuting {
  muted: boolean;
  /** Interval names for the API's `mutedBy` (0.28+). */
  mutedBy: string[];
}

/**
 * `contains(name, now)` says whether the named time interval contains `now` (see config's
 * `timeIntervalsContain`). A route with active intervals is muted outside all of them (muted by
 * all its active interval names); otherwise it is muted inside any of its mute intervals (muted
 * by those that contain `now`).
 */
export function routeTimeMuting(
  route: Pick<Route, 'muteTimeIntervals' | 'activeTimeIntervals'>,
  now: number,
  contains: (intervalName: string, now: number) => boolean,
): RouteTimeMuting {
  const active = route.activeTimeIntervals;
  if (active.length > 0 && !active.some((name) => contains(name, now))) {
    return { muted: true, mutedBy: [...active] };
  }
  const mutedBy = route.muteTimeIntervals.filter((name) => contains(name, now));
  return { muted: mutedBy.length > 0, mutedBy };
}
