import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../../core/src';
import { buildWebhookPayload, truncateAlerts } from './webhook-payload';
import { buildRouteTree } from './route-tree';
import { matchRoutes } from './route-match';
import { groupKey, groupLabels } from './group-key';
import { computeInhibitions } from './inhibition';
import { planFlush } from './flush';
import { mergeAlert } from './merge-alert';
import { normalizePostedAlert } from './normalize-alert';
import { StoredAlert } from './alert';
import { GO_ZERO_TIME_MS } from './go-time';
import {
  capture,
  captureInhibitRules,
  captureRoute,
  capturedAlerts,
  externalUrlOf,
  firstFlushTime,
  groupKeyOf,
  RESOLVE_TIMEOUT_MS,
  CapturedNotification,
} from './testdata/notifications-fixture';

/** Rebuilds a captured notification from the group's alerts, as our dispatcher would flush it. */
function rebuild(n: CapturedNotification, groupAlerts: StoredAlert[], now: number): string {
  const tree = buildRouteTree(captureRoute());
  const key = groupKeyOf(n);
  const members = groupAlerts.filter((a) =>
    matchRoutes(tree, a.labels).some((r) => r.receiver === n.receiver && groupKey(r, groupLabels(r, a.labels)) === key),
  );
  assert.ok(members.length > 0, `group ${key} has members`);
  const route = matchRoutes(tree, members[0].labels).find((r) => r.receiver === n.receiver) as ReturnType<typeof matchRoutes>[0];
  const inhibited = computeInhibitions(captureInhibitRules(), groupAlerts, now);
  const plan = planFlush({
    alerts: members,
    now,
    muting: { inhibited: new Set(inhibited.keys()), silenced: new Set(), timeMuted: false },
    integrations: [{ sendResolved: true }],
  });
  return buildWebhookPayload({
    receiver: n.receiver,
    alerts: plan.integrations[0].alerts,
    groupLabels: groupLabels(route, members[0].labels),
    externalURL: externalUrlOf(n),
    groupKey: key,
    now,
    maxAlerts: n.receiver === 'trunc' ? 2 : 0,
    surface: '0.25',
  });
}

describe('buildWebhookPayload against Alertmanager 0.25 bodies (testdata/notifications.json)', () => {
  const first = capture.notifications.filter((n) => n.receiver !== 'resolver');
  const resolver = capture.notifications.filter((n) => n.receiver === 'resolver');

  test('the capture has the expected shape', () => {
    assert.ok(first.length >= 10);
    assert.equal(resolver.length, 3);
  });

  for (const n of first) {
    test(`byte-exact: ${n.receiver} ${groupKeyOf(n)}`, () => {
      assert.equal(rebuild(n, capturedAlerts(), firstFlushTime()), n.body);
    });
  }

  test('byte-exact: firing, then one resolved, then all resolved (resolved alerts dropped after a flush)', () => {
    let alerts = capturedAlerts().filter((a) => a.labels.alertname === 'Resolving');
    assert.equal(rebuild(resolver[0], alerts, firstFlushTime()), resolver[0].body);

    const repost = (labels: Record<string, string>, endsAt: string, now: number) => {
      const incoming = normalizePostedAlert(
        { labels, startsAt: Date.parse(capture.posted[0].startsAt), endsAt: Date.parse(endsAt) },
        { now, resolveTimeoutMs: RESOLVE_TIMEOUT_MS },
      );
      assert.ok(incoming.ok);
      alerts = alerts.map((a) => (a.fingerprint === incoming.alert.fingerprint ? mergeAlert(a, incoming.alert, now) : a));
    };
    const [r1, r2] = capture.resolvedLater;
    const t1 = Date.parse(r1.endsAt) + 1000;
    repost(r1.labels, r1.endsAt, t1);
    assert.equal(rebuild(resolver[1], alerts, t1), resolver[1].body);

    alerts = alerts.filter((a) => a.fingerprint !== fingerprint(r1.labels)); // deleted after the successful flush
    const t2 = Date.parse(r2.endsAt) + 1000;
    repost(r2.labels, r2.endsAt, t2);
    assert.equal(rebuild(resolver[2], alerts, t2), resolver[2].body);
  });
});

describe('buildWebhookPayload', () => {
  const alert = (labels: Record<string, string>, over: Partial<StoredAlert> = {}): StoredAlert => ({
    labels,
    annotations: {},
    startsAt: Date.UTC(2026, 10, 24, 1, 45, 37, 52),
    endsAt: GO_ZERO_TIME_MS,
    generatorURL: '',
    updatedAt: 0,
    timeout: false,
    fingerprint: fingerprint(labels),
    ...over,
  });
  const base = { receiver: 'r', groupLabels: {}, externalURL: 'http://am', groupKey: '{}:{}', now: Date.UTC(2026, 10, 24, 2) };

  test('current surface adds notification_reason and routeLabels at their places', () => {
    const body = buildWebhookPayload({ ...base, alerts: [alert({ a: '1' })], notificationReason: 'first notification', routeLabels: { team: 'x' } });
    assert.deepEqual(Object.keys(JSON.parse(body)), [
      'receiver', 'status', 'alerts', 'notification_reason', 'groupLabels', 'commonLabels',
      'commonAnnotations', 'routeLabels', 'externalURL', 'version', 'groupKey', 'truncatedAlerts',
    ]);
    assert.match(body, /"notification_reason":"first notification"/);
    assert.match(body, /"routeLabels":\{"team":"x"\}/);
  });

  test('0.25 surface has neither', () => {
    const body = buildWebhookPayload({ ...base, alerts: [alert({ a: '1' })], surface: '0.25' });
    assert.ok(!body.includes('notification_reason'));
    assert.ok(!body.includes('routeLabels'));
    assert.ok(body.endsWith('}\n'));
  });

  test('status is resolved only when every alert is resolved; resolved endsAt printed, firing zero', () => {
    const resolved = alert({ a: '1' }, { endsAt: Date.UTC(2026, 10, 24, 1, 50, 0, 0) });
    const firing = alert({ a: '2' });
    const both = JSON.parse(buildWebhookPayload({ ...base, alerts: [resolved, firing] }));
    assert.equal(both.status, 'firing');
    assert.deepEqual(both.alerts.map((a: { status: string }) => a.status), ['resolved', 'firing']);
    assert.equal(both.alerts[0].endsAt, '2026-11-24T01:50:00Z');
    assert.equal(both.alerts[1].endsAt, '0001-01-01T00:00:00Z');
    assert.equal(JSON.parse(buildWebhookPayload({ ...base, alerts: [resolved] })).status, 'resolved');
  });

  test('common labels and annotations are computed after truncation', () => {
    const alerts = [alert({ a: '1', k: 'same' }), alert({ a: '1', k: 'same', z: '1' }), alert({ a: '2', k: 'same' })];
    const body = JSON.parse(buildWebhookPayload({ ...base, alerts, maxAlerts: 2 }));
    assert.equal(body.truncatedAlerts, 1);
    assert.equal(body.alerts.length, 2);
    assert.deepEqual(body.commonLabels, { a: '1', k: 'same' });
  });

  test('integer-like label names are ordered as Go orders map keys (bytewise), not as JS objects do', () => {
    const body = buildWebhookPayload({ ...base, alerts: [alert({ b: 'x', '10': 'y', '9': 'z' })] });
    assert.match(body, /"labels":\{"10":"y","9":"z","b":"x"\}/);
  });
});

describe('truncateAlerts', () => {
  test('0 and undefined mean no limit', () => {
    assert.deepEqual(truncateAlerts([1, 2, 3], 0), { kept: [1, 2, 3], truncated: 0 });
    assert.deepEqual(truncateAlerts([1, 2, 3], undefined), { kept: [1, 2, 3], truncated: 0 });
  });
  test('keeps the first N', () => {
    assert.deepEqual(truncateAlerts([1, 2, 3], 2), { kept: [1, 2], truncated: 1 });
    assert.deepEqual(truncateAlerts([1, 2], 2), { kept: [1, 2], truncated: 0 });
  });
});
