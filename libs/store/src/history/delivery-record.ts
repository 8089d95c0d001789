// One delivery attempt of a notification to one integration, as the notification history keeps it.
// Never holds a secret: only names, labels, fingerprints and the receiver's (already redacted) error.

export type DeliveryOutcome = 'delivered' | 'failed';

/** Why the notification was sent: Alertmanager's notification reasons, or a receiver test. */
export type DeliveryReason = string;

export interface DeliveryRecord {
  /** Assigned by the history (a Redis stream ID, time ordered). */
  id: string;
  /** When the delivery finished (Unix ms). */
  at: number;
  receiver: string;
  integration: string;
  /** The integration's position among the receiver's configs of that type. */
  index: number;
  groupKey: string;
  groupLabels: Record<string, string>;
  alerts: Array<{ fingerprint: string; status: 'firing' | 'resolved' }>;
  reason: DeliveryReason;
  outcome: DeliveryOutcome;
  attempts: number;
  latencyMs: number;
  /** What the receiver answered, for failures. */
  error?: string;
  /** True for notifications sent by the receiver test endpoint. */
  test?: boolean;
}

export type NewDeliveryRecord = Omit<DeliveryRecord, 'id'>;

export interface DeliveryQuery {
  receiver?: string;
  integration?: string;
  outcome?: DeliveryOutcome;
  /** Every pair must be in the record's group labels. */
  groupLabels?: Record<string, string>;
  /** Inclusive bounds, Unix ms. */
  since?: number;
  until?: number;
  /** Page size (1–1000). */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface DeliveryPage {
  notifications: DeliveryRecord[];
  /** Present when older records may match. */
  nextCursor?: string;
}
