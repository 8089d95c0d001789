// A notification as the template data (`.`) its integration's templates are rendered with.
import { isResolved } from '../../../dispatch/src';
import { buildTemplateData, TemplateData } from '../../../template/src';
import type { Notification } from '../notifier';

export function notificationTemplateData(n: Notification): TemplateData {
  return buildTemplateData({
    receiver: n.receiver,
    groupLabels: n.groupLabels,
    externalURL: n.externalUrl,
    notificationReason: n.reason,
    alerts: n.alerts.map((a) => ({
      status: isResolved(a, n.now) ? 'resolved' : 'firing',
      labels: a.labels,
      annotations: a.annotations,
      startsAt: new Date(a.startsAt),
      endsAt: new Date(a.endsAt),
      generatorURL: a.generatorURL,
      fingerprint: a.fingerprint,
    })),
  });
}

/** Alertmanager's `types.Alerts.Status()`: resolved only when every alert is. */
export function allResolved(n: Notification): boolean {
  return n.alerts.every((a) => isResolved(a, n.now));
}
