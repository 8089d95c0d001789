// The group Alertmanager 0.25 notified in test/receivers/captures (capture-alertmanager.mjs), as the
// Notifications Klaxon's dispatcher would hand its notifiers for the same flushes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, ReceiverConfig } from '../../../libs/config/src';
import { fingerprint, LabelSet } from '../../../libs/core/src';
import { GO_ZERO_TIME_MS, StoredAlert } from '../../../libs/dispatch/src';
import type { Notification } from '../../../libs/notify/src';
import { REPO_ROOT } from '../../support/klaxon-process';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface Capture {
  meta: { externalUrl: string; groupKey: string };
  config: string;
  firing: { requests: CapturedRequest[]; mails: Array<{ mailFrom: { address: string }; rcptTo: Array<{ address: string }>; raw: string }> };
  resolved: Capture['firing'];
}

export const capture: Capture = JSON.parse(readFileSync(join(REPO_ROOT, 'test/receivers/captures/alertmanager-0.25.json'), 'utf8'));

const RESOLVED_AT = Date.parse('2026-11-24T01:30:00Z');

function alert(labels: LabelSet, annotations: LabelSet, startsAt: string, generatorURL: string, resolved: boolean): StoredAlert {
  return {
    labels,
    annotations,
    startsAt: Date.parse(startsAt),
    endsAt: resolved ? RESOLVED_AT : GO_ZERO_TIME_MS,
    generatorURL,
    updatedAt: Date.parse(startsAt),
    timeout: false,
    fingerprint: fingerprint(labels),
  };
}

const first = (resolved: boolean) =>
  alert({ alertname: 'Other', severity: 'warning', instance: 'a:1' }, { summary: 'first <b>', description: 'd1' }, '2026-11-24T01:00:00Z', 'http://prom/graph?g0.expr=up', resolved);
const second = (resolved: boolean) => alert({ alertname: 'Other', severity: 'warning', instance: 'b:2' }, { summary: 'second' }, '2026-11-24T01:00:01Z', '', resolved);

function notification(alerts: StoredAlert[], now: number, reason: string): Notification {
  return { receiver: 'team-x.y', groupKey: capture.meta.groupKey, groupLabels: { alertname: 'Other' }, alerts, now, reason, externalUrl: capture.meta.externalUrl };
}

/** Alertmanager's first flush held only the first alert (an old alert flushes at once). */
export const firingNotification = (): Notification => notification([first(false)], Date.parse('2026-11-24T02:39:13Z'), 'first notification');
export const resolvedNotification = (): Notification => notification([first(true), second(true)], Date.parse('2026-11-24T02:39:15Z'), 'all alerts resolved');

/** The captured receiver, its URLs pointed at `base` (an HTTP test server) and `smarthost`. */
export function capturedReceiver(base: string, smarthost = '127.0.0.1:1'): ReceiverConfig {
  const yaml = capture.config
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, base)
    .replace(/smarthost: 127\.0\.0\.1:\d+/, `smarthost: ${smarthost}`);
  return parseConfig(yaml, REPO_ROOT).receivers.find((r) => r.name === 'team-x.y')!;
}
