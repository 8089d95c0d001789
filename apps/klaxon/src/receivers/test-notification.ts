// The notification a receiver test sends: one firing alert, clearly marked as a test, in a group of
// its own (so PagerDuty and OpsGenie open a separate incident, never touching a real one).
import { fingerprint } from '../../../../libs/core/src';
import { GO_ZERO_TIME_MS } from '../../../../libs/dispatch/src';
import type { Notification } from '../../../../libs/notify/src';

export const TEST_ALERT_NAME = 'KlaxonReceiverTest';
export const TEST_REASON = 'test';

export function testNotification(receiver: string, now: number, externalUrl: string): Notification {
  const labels = { alertname: TEST_ALERT_NAME, receiver, severity: 'none', klaxon_test: 'true' };
  return {
    receiver,
    groupKey: `{}/klaxon-test:{receiver=${JSON.stringify(receiver)}}`,
    groupLabels: { alertname: TEST_ALERT_NAME },
    alerts: [
      {
        labels,
        annotations: {
          summary: `Test notification from Klaxon for receiver "${receiver}"`,
          description: 'This is a test sent with POST /api/klaxon/v1/receivers/{name}/test. No action is needed.',
        },
        startsAt: now,
        endsAt: GO_ZERO_TIME_MS,
        generatorURL: '',
        updatedAt: now,
        timeout: false,
        fingerprint: fingerprint(labels),
      },
    ],
    now,
    reason: TEST_REASON,
    externalUrl,
  };
}
