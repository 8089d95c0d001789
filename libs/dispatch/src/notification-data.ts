// The data of one notification (Alertmanager's template.Data), shared by webhook and templates.
import { LabelSet } from '../../core/src';
import { isResolved, StoredAlert } from './alert';
import { quoteMeta } from './quote-meta';

export type AlertStatus = 'firing' | 'resolved';

export interface NotificationAlert {
  status: AlertStatus;
  labels: LabelSet;
  annotations: LabelSet;
  startsAt: number;
  /** `GO_ZERO_TIME_MS` for firing alerts of a flush. */
  endsAt: number;
  generatorURL: string;
  fingerprint: string;
}

export interface NotificationData {
  /** The receiver name, regex-escaped (`team-x\.y`). */
  receiver: string;
  status: AlertStatus;
  alerts: NotificationAlert[];
  notificationReason: string;
  groupLabels: LabelSet;
  commonLabels: LabelSet;
  commonAnnotations: LabelSet;
  routeLabels: LabelSet;
  externalURL: string;
}

export interface NotificationDataInput {
  receiver: string;
  /** The flushed alerts, in order (see `flushSnapshot`). */
  alerts: readonly StoredAlert[];
  groupLabels: LabelSet;
  externalURL: string;
  now: number;
  notificationReason?: string;
  routeLabels?: LabelSet;
}

export function buildNotificationData(input: NotificationDataInput): NotificationData {
  const alerts = input.alerts.map(
    (a): NotificationAlert => ({
      status: isResolved(a, input.now) ? 'resolved' : 'firing',
      labels: { ...a.labels },
      annotations: { ...a.annotations },
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      generatorURL: a.generatorURL,
      fingerprint: a.fingerprint,
    }),
  );
  return {
    receiver: quoteMeta(input.receiver),
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    alerts,
    notificationReason: input.notificationReason ?? '',
    groupLabels: { ...input.groupLabels },
    commonLabels: commonPairs(input.alerts.map((a) => a.labels)),
    commonAnnotations: commonPairs(input.alerts.map((a) => a.annotations)),
    routeLabels: { ...(input.routeLabels ?? {}) },
    externalURL: input.externalURL,
  };
}

/** The name/value pairs present with the same value in every set ({} for no sets). */
export function commonPairs(sets: readonly LabelSet[]): LabelSet {
  if (sets.length === 0) return {};
  const common: LabelSet = { ...sets[0] };
  for (const set of sets.slice(1)) {
    for (const name of Object.keys(common)) {
      if (!Object.prototype.hasOwnProperty.call(set, name) || set[name] !== common[name]) delete common[name];
    }
  }
  return common;
}
