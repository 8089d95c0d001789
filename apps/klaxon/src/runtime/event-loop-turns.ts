// Long CPU work split into turns, so timers and replies waiting behind it (a group falling due,
// a flush's Redis reply) are served between slices instead of after the whole batch.

/** Alerts handled per turn: about a millisecond of work. */
export const ALERTS_PER_TURN = 64;

/** Lets every event that is already waiting run before the caller goes on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
