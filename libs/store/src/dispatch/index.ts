// Redis repositories of the dispatcher: groups, flush schedule, notification log, inputs it reads.
export {
  DISPATCH_PREFIX, GROUPS_KEY, groupMembersKey, SCHEDULE_KEY, LEASES_KEY, STARTED_KEY, NFLOG_KEY, INFLIGHT_KEY, flushKey, INHIBIT_SOURCES_KEY, ALERT_EVENTS_GROUP, UNROUTED_KEY,
} from './dispatch-keys';
export * from './group-repository';
export * from './flush-schedule';
export * from './notification-log';
export * from './flush-outcome';
export * from './alert-reader';
export * from './silence-reader';
export * from './inhibit-sources';
export * from './alert-events-reader';
export * from './flush-snapshot';
export * from './flush-commit';
