// Redis keys of the alert store (docs/redis-keys.md).
export const ALERTS_KEY = 'klaxon:alerts';
export const ALERT_EVENTS_KEY = 'klaxon:alert-events';
/** Approximate cap of the alert-events stream (`XADD … MAXLEN ~`). */
export const ALERT_EVENTS_MAXLEN = 100_000;
