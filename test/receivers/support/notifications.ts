// Notifications for notifier tests.
import { fingerprint, LabelSet } from '../../../libs/core/src';
import { GO_ZERO_TIME_MS, StoredAlert } from '../../../libs/dispatch/src';
import type { Notification } from '../../../libs/notify/src';

export const NOW = Date.parse('2026-11-24T03:00:00Z');

export function firingAlert(labels: LabelSet, annotations: LabelSet = {}): StoredAlert {
  return { labels, annotations, startsAt: NOW - 60_000, endsAt: GO_ZERO_TIME_MS, generatorURL: '', updatedAt: NOW, timeout: false, fingerprint: fingerprint(labels) };
}

export function resolvedAlert(labels: LabelSet, annotations: LabelSet = {}): StoredAlert {
  return { ...firingAlert(labels, annotations), endsAt: NOW - 1_000 };
}

export function notificationOf(alerts: StoredAlert[], groupLabels: LabelSet = { alertname: String(alerts[0]?.labels.alertname ?? '') }): Notification {
  return { receiver: 'r', groupKey: `{}:{alertname="${groupLabels.alertname}"}`, groupLabels, alerts, now: NOW, reason: 'first notification', externalUrl: 'http://klaxon.example:9093' };
}

export const neverAborted = (): AbortSignal => new AbortController().signal;
