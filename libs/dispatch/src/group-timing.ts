// When an aggregation group flushes (Alertmanager 3.5).

/** A new group's first flush is due `group_wait` after it is created. */
export function firstFlushAt(createdAt: number, groupWaitMs: number): number {
  return createdAt + groupWaitMs;
}

/**
 * Whether inserting an alert into a group that has not flushed yet makes the group flush
 * right away: the alert is "old", i.e. its `startsAt + group_wait` is already before `now`.
 * This also fires on restart and reload, when groups are rebuilt from stored alerts.
 */
export function insertTriggersImmediateFlush(params: {
  hasFlushed: boolean;
  alertStartsAt: number;
  groupWaitMs: number;
  now: number;
}): boolean {
  return !params.hasFlushed && params.alertStartsAt + params.groupWaitMs < params.now;
}

/** Each flush re-arms the timer for `group_interval` after the tick, before notifying. */
export function nextFlushAt(tickAt: number, groupIntervalMs: number): number {
  return tickAt + groupIntervalMs;
}
