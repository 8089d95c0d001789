import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePostedAlert } from './normalize-alert';
import { mergeAlert } from './merge-alert';
import { StoredAlert } from './alert';
import { resolvedToDelete } from './flush';
import { decideFlush } from './flush-decision';
import { NflogEntry } from './dedup';
import { isResolved } from './alert';
import captured from './testdata/dedup.json';

interface Sent {
  receiver: string;
  tick: number;
  alerts: { i: string; status: string }[];
}

/**
 * Replays testdata/dedup.json's posts through the dispatch functions: one aggregation group per
 * receiver, flushed on ticks every group_interval from the first notification.
 */
function simulate(): Sent[] {
  const F = captured.firstNotificationAt;
  const receivers = [
    { name: 'sr', sendResolved: true },
    { name: 'nosr', sendResolved: false },
  ];
  const store = new Map<string, StoredAlert>();
  const groups = new Map(receivers.map((r) => [r.name, new Map<string, StoredAlert>()]));
  const entries = new Map<string, NflogEntry | undefined>();
  const sent: Sent[] = [];
  const posts = [...captured.posts];
  const lastTick = Math.round((captured.notifications[captured.notifications.length - 1].at - F) / captured.groupIntervalMs) + 1;
  for (let tick = 0; tick <= lastTick; tick++) {
    const now = F + tick * captured.groupIntervalMs;
    while (posts.length > 0 && posts[0].at < now) {
      const post = posts.shift() as (typeof captured.posts)[0];
      for (const labels of post.labels) {
        const result = normalizePostedAlert(
          { labels, endsAt: post.resolve ? post.at : undefined },
          { now: post.at, resolveTimeoutMs: captured.resolveTimeoutMs },
        );
        assert.ok(result.ok);
        const existing = store.get(result.alert.fingerprint);
        const merged = existing ? mergeAlert(existing, result.alert, post.at) : result.alert;
        store.set(merged.fingerprint, merged);
        for (const group of groups.values()) group.set(merged.fingerprint, merged);
      }
    }
    for (const r of receivers) {
      const group = groups.get(r.name) as Map<string, StoredAlert>;
      const { plan, integrations } = decideFlush({
        alerts: [...group.values()],
        now,
        muting: { inhibited: new Set(), silenced: new Set(), timeMuted: false },
        repeatIntervalMs: captured.repeatIntervalMs,
        integrations: [{ sendResolved: r.sendResolved, entry: entries.get(r.name) }],
      });
      const [decision] = integrations;
      if (decision.send) {
        sent.push({ receiver: r.name, tick, alerts: decision.alerts.map((a) => ({ i: a.labels.i, status: isResolved(a, now) ? 'resolved' : 'firing' })) });
      }
      if (decision.logEntry) entries.set(r.name, decision.logEntry);
      for (const fp of resolvedToDelete(plan.snapshot, now, (f) => group.get(f))) group.delete(fp);
    }
  }
  return sent;
}

describe('dedup and flush replayed against Alertmanager 0.25 (testdata/dedup.json)', () => {
  test('the capture exercises first, some-resolved, repeat and all-resolved notifications', () => {
    assert.ok(captured.notifications.length >= 6);
    assert.ok(captured.notifications.some((n) => n.status === 'resolved'));
  });

  test('the same notifications, on the same ticks, with the same alerts', () => {
    const F = captured.firstNotificationAt;
    const expected = captured.notifications
      .map((n) => ({ receiver: n.receiver, tick: Math.round((n.at - F) / captured.groupIntervalMs), alerts: n.alerts }))
      .sort((a, b) => a.tick - b.tick || a.receiver.localeCompare(b.receiver));
    const got = simulate().sort((a, b) => a.tick - b.tick || a.receiver.localeCompare(b.receiver));
    assert.deepEqual(got, expected);
  });
});
