export { PagerdutyNotifier, PAGERDUTY_EVENTS_PER_MINUTE, PAGERDUTY_V1_URL, PAGERDUTY_V2_DEFAULT_URL, pagerdutyV1Url } from './pagerduty-notifier';
export { buildPagerdutyEvent, MAX_EVENT_BYTES, DETAILS_REMOVED } from './pagerduty-message';
