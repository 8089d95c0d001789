// Redis key names of the dispatcher (documented in apps/klaxon/src/dispatcher/README.md).

export { ALERTS_KEY, ALERT_EVENTS_KEY } from '../alerts/alert-keys';
export { SILENCES_KEY, SILENCES_VERSION_KEY } from '../silences/silence-keys';

export const DISPATCH_PREFIX = 'klaxon:dispatch:';
/** Hash: group id → JSON `GroupMeta`. */
export const GROUPS_KEY = `${DISPATCH_PREFIX}groups`;
/** Set per group: the fingerprints of its alerts. */
export const groupMembersKey = (groupId: string): string => `${DISPATCH_PREFIX}members:${groupId}`;
/** Sorted set: group id → when it is due (or, while claimed, when its lease ends). */
export const SCHEDULE_KEY = `${DISPATCH_PREFIX}schedule`;
/** Hash: group id → token of the flusher holding it. */
export const LEASES_KEY = `${DISPATCH_PREFIX}leases`;
/** Set: ids of groups that have been flushed at least once (no more "flush at once for old alerts"). */
export const STARTED_KEY = `${DISPATCH_PREFIX}started`;
/** Hash: nflog key → JSON `StoredNflogEntry`. */
export const NFLOG_KEY = `${DISPATCH_PREFIX}nflog`;
/** Hash: nflog key → JSON `InflightMarker` while a delivery for it is queued or retrying. */
export const INFLIGHT_KEY = `${DISPATCH_PREFIX}inflight`;
/** Hash per flush with deliveries outstanding: `pending`, `failed`, `group`, `resolved`. */
export const flushKey = (flushId: string): string => `${DISPATCH_PREFIX}flush:${flushId}`;
/** Hash: group id → when a flusher first found no route for it (its process may run an older or newer config). */
export const UNROUTED_KEY = `${DISPATCH_PREFIX}unrouted`;
/** Set: fingerprints of alerts matching the source matchers of some inhibit rule. */
export const INHIBIT_SOURCES_KEY = `${DISPATCH_PREFIX}inhibit-sources`;
/** Consumer group of the dispatchers on `klaxon:alert-events`. */
export const ALERT_EVENTS_GROUP = 'klaxon-dispatch';
