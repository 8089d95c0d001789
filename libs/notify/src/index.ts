// Delivery of notifications: one Notifier per integration type.
export * from './notifier';
export * from './retry';
export * from './user-agent';
export { httpRequestOptions } from './http/http-request-options';
export { WebhookNotifier } from './webhook/webhook-notifier';
export * from './templating';
export * from './json-api';
export * from './pagerduty';
export * from './opsgenie';
export * from './email';
