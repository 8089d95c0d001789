// The data of one delivery job: a snapshot of the notification, never the integration's secrets.
import { LabelSet, sha256Hex } from '../../../../libs/core/src';
import type { NotificationReason, StoredAlert } from '../../../../libs/dispatch/src';

export interface DeliveryJobData {
  flushId: string;
  groupId: string;
  groupKey: string;
  groupLabels: LabelSet;
  nflogKey: string;
  receiver: string;
  integration: string;
  /** Position of the integration's config among the receiver's configs of that type. */
  index: number;
  /** What the integration sends (resolved alerts already dropped without send_resolved). */
  alerts: StoredAlert[];
  /** The flush time. */
  now: number;
  reason: NotificationReason;
  /** Retries stop at this time (Alertmanager's flush context deadline). */
  deadline: number;
  /** What the nflog records on success. */
  firing: string[];
  resolved: string[];
  nflogExpiresAt: number;
  /**
   * The flushing process runs this delivery itself first, and the job stays delayed while that
   * run lasts: it runs only if that process died or shut down before finishing.
   */
  fallback?: boolean;
}

export const deliveryQueueName = (integration: string): string => `notify-${integration}`;

/** Deterministic, so a flush that is repeated (its flusher died) does not enqueue twice. No `:` allowed. */
export function deliveryJobId(nflogKey: string, flushId: string): string {
  return `d${sha256Hex(`${nflogKey}\n${flushId}`).slice(0, 40)}`;
}
