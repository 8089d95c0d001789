// The webhook body Alertmanager POSTs, byte for byte (3.11).
import { StoredAlert } from './alert';
import { goJsonString, goJsonStringMap } from './go-json';
import { formatGoRfc3339Nano } from './go-time';
import { buildNotificationData, NotificationAlert, NotificationDataInput } from './notification-data';

export const WEBHOOK_PAYLOAD_VERSION = '4';

/**
 * Which fields to write: `'0.25'` matches Alertmanager 0.25 (what we can run here);
 * `'current'` adds `notification_reason` (0.32+) and `routeLabels` (0.34+).
 */
export type WebhookSurface = '0.25' | 'current';

export interface WebhookPayloadInput extends NotificationDataInput {
  groupKey: string;
  /** `max_alerts`; 0 or undefined = no limit. The first N alerts are kept. */
  maxAlerts?: number;
  surface?: WebhookSurface;
}

/** Drops alerts beyond `maxAlerts`, returning the kept ones and how many were dropped. */
export function truncateAlerts<T>(alerts: readonly T[], maxAlerts: number | undefined): { kept: T[]; truncated: number } {
  if (!maxAlerts || alerts.length <= maxAlerts) return { kept: [...alerts], truncated: 0 };
  return { kept: alerts.slice(0, maxAlerts), truncated: alerts.length - maxAlerts };
}

function alertJson(a: NotificationAlert): string {
  return (
    `{"status":${goJsonString(a.status)},"labels":${goJsonStringMap(a.labels)},` +
    `"annotations":${goJsonStringMap(a.annotations)},"startsAt":"${formatGoRfc3339Nano(a.startsAt)}",` +
    `"endsAt":"${formatGoRfc3339Nano(a.endsAt)}","generatorURL":${goJsonString(a.generatorURL)},` +
    `"fingerprint":${goJsonString(a.fingerprint)}}`
  );
}

/**
 * The JSON text of the webhook body, ending with a newline. Template data (status, common
 * labels…) is computed from the alerts left after `max_alerts` truncation, as Alertmanager does.
 */
export function buildWebhookPayload(input: WebhookPayloadInput): string {
  const { kept, truncated } = truncateAlerts<StoredAlert>(input.alerts, input.maxAlerts);
  const data = buildNotificationData({ ...input, alerts: kept });
  const current = (input.surface ?? 'current') === 'current';
  const parts = [
    `"receiver":${goJsonString(data.receiver)}`,
    `"status":${goJsonString(data.status)}`,
    `"alerts":[${data.alerts.map(alertJson).join(',')}]`,
    ...(current ? [`"notification_reason":${goJsonString(data.notificationReason)}`] : []),
    `"groupLabels":${goJsonStringMap(data.groupLabels)}`,
    `"commonLabels":${goJsonStringMap(data.commonLabels)}`,
    `"commonAnnotations":${goJsonStringMap(data.commonAnnotations)}`,
    ...(current ? [`"routeLabels":${goJsonStringMap(data.routeLabels)}`] : []),
    `"externalURL":${goJsonString(data.externalURL)}`,
    `"version":"${WEBHOOK_PAYLOAD_VERSION}"`,
    `"groupKey":${goJsonString(input.groupKey)}`,
    `"truncatedAlerts":${truncated}`,
  ];
  return `{${parts.join(',')}}\n`;
}
