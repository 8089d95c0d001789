import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LabelSet } from '../../core/src';
import { compareAlertGroups, compareAlertLabels, compareLabelSets, sortAlerts } from './alert-order';
import { buildRouteTree } from './route-tree';
import { matchRoutes } from './route-match';
import { groupLabels, groupKey } from './group-key';
import { isResolved, StoredAlert } from './alert';
import { capture, captureRoute, capturedAlerts, firstFlushTime } from './testdata/notifications-fixture';

const sorted = (sets: LabelSet[]) => [...sets].sort(compareAlertLabels);

describe('compareLabelSets (LabelSet.Before)', () => {
  test('fewer labels sort first', () => {
    assert.ok(compareLabelSets({ z: 'z' }, { a: 'a', b: 'b' }) < 0);
  });
  test('same size: first differing name decides; the set missing it sorts first', () => {
    assert.ok(compareLabelSets({ a: '1', c: '1' }, { a: '1', b: '1' }) < 0);
    assert.ok(compareLabelSets({ a: '1', b: '1' }, { a: '1', c: '1' }) > 0);
  });
  test('values compare bytewise (UTF-8), not by UTF-16 code units', () => {
    // U+FF21 (BMP) is below U+1F600 in UTF-8 but above its surrogates in UTF-16.
    assert.ok(compareLabelSets({ a: '\uFF21' }, { a: '😀' }) < 0);
  });
  test('equal sets compare 0', () => {
    assert.equal(compareLabelSets({ a: '1', b: '2' }, { b: '2', a: '1' }), 0);
  });
});

describe('compareAlertLabels (AlertSlice.Less)', () => {
  test('job first, alerts without job after those with one', () => {
    assert.deepEqual(sorted([{ a: '1' }, { job: 'b' }, { job: 'a', x: '1' }]), [{ job: 'a', x: '1' }, { job: 'b' }, { a: '1' }]);
  });
  test('then instance, with the same rule', () => {
    assert.deepEqual(
      sorted([{ job: 'j', z: '1' }, { job: 'j', instance: 'b' }, { job: 'j', instance: 'a' }]),
      [{ job: 'j', instance: 'a' }, { job: 'j', instance: 'b' }, { job: 'j', z: '1' }],
    );
  });
  test('then the label set order', () => {
    assert.deepEqual(sorted([{ a: '2' }, { a: '1', b: '1' }, { a: '1' }]), [{ a: '1' }, { a: '2' }, { a: '1', b: '1' }]);
  });
});

describe('compareAlertGroups', () => {
  test('by labels, then receiver', () => {
    const groups: { labels: LabelSet; receiver: string }[] = [
      { labels: { alertname: 'B' }, receiver: 'x' },
      { labels: { alertname: 'A' }, receiver: 'z' },
      { labels: { alertname: 'A' }, receiver: 'y' },
      { labels: {}, receiver: 'w' },
    ];
    groups.sort(compareAlertGroups);
    assert.deepEqual(groups.map((g) => g.receiver), ['w', 'y', 'z', 'x']);
  });
});

describe('GET /api/v2/alerts/groups order, as Alertmanager 0.25 returned it (testdata/notifications.json)', () => {
  test('groups sorted by labels then receiver, alerts by job, instance, labels', () => {
    const tree = buildRouteTree(captureRoute());
    const now = firstFlushTime();
    const groups = new Map<string, { labels: LabelSet; receiver: string; alerts: StoredAlert[] }>();
    for (const a of capturedAlerts()) {
      if (isResolved(a, now)) continue;
      for (const r of matchRoutes(tree, a.labels)) {
        const labels = groupLabels(r, a.labels);
        const key = `${groupKey(r, labels)} ${r.receiver}`;
        const g = groups.get(key) ?? { labels, receiver: r.receiver, alerts: [] };
        g.alerts.push(a);
        groups.set(key, g);
      }
    }
    const ours = [...groups.values()]
      .sort(compareAlertGroups)
      .map((g) => ({ receiver: g.receiver, labels: g.labels, alerts: sortAlerts(g.alerts).map((a) => a.fingerprint) }));
    const theirs = capture.groups.map((g) => ({ receiver: g.receiver.name, labels: g.labels, alerts: g.alerts.map((a) => a.fingerprint) }));
    assert.deepEqual(ours, theirs);
  });
});
