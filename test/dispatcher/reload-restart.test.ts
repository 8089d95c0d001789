// Reload (SIGHUP and POST /-/reload) and restart: the new tree takes over, unchanged groups are not
// notified again, a failed reload keeps the running config, and nothing is re-sent after a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reload and restart', () => {
  let redis: TestRedisServer;
  let klaxon: KlaxonProcess;
  let a: WebhookReceiver;
  let b: WebhookReceiver;
  const v1 = () => `
route:
  receiver: a
  group_by: [alertname]
  group_wait: 500ms
  group_interval: 1s
  repeat_interval: 1h
receivers:
- name: a
  webhook_configs: [{url: '${a.url}'}]
- name: b
  webhook_configs: [{url: '${b.url}'}]
`;
  const v2 = () => `${v1().replace('  repeat_interval: 1h\n', "  repeat_interval: 1h\n  routes:\n  - receiver: b\n    matchers: ['team=\"b\"']\n")}`;
  const names = (r: WebhookReceiver) => r.notifications.map((n) => n.body.alerts.map((x) => x.labels.alertname).join(','));

  before(async () => {
    a = await WebhookReceiver.start();
    b = await WebhookReceiver.start();
    redis = await TestRedisServer.start({ appendOnly: false });
    klaxon = new KlaxonProcess({ redisUrl: redis.url, config: '' });
    klaxon.writeConfig(v1());
    await klaxon.start();
  });

  after(async () => {
    await klaxon?.cleanup();
    await redis?.stop();
    await a?.close();
    await b?.close();
  });

  it('switches to the new routing tree on SIGHUP without notifying unchanged groups again', async () => {
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'X', team: 'b' } }, { labels: { alertname: 'U' } }]);
    await a.waitFor(2, 5_000);
    klaxon.writeConfig(v2());
    klaxon.signal('SIGHUP');
    await sleep(1_000);
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Y', team: 'b' } }]);
    await b.waitFor(1, 5_000);
    await sleep(2_500);
    // U's group is unchanged: not notified again. X was notified by the old root route; under the
    // new tree it belongs to route b, a new group (a new group key), so b is notified of it.
    assert.deepEqual(names(a).sort(), ['U', 'X']);
    assert.deepEqual(names(b).sort(), ['X', 'Y']);
  });

  it('keeps the running configuration when a reload fails, and says why', async () => {
    klaxon.writeConfig('route:\n  receiver: nowhere\nreceivers:\n- name: a\n');
    const res = await fetch(`${klaxon.baseUrl}/-/reload`, { method: 'POST' });
    assert.equal(res.status, 500);
    assert.match(await res.text(), /^failed to reload config: .*nowhere/);
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Z', team: 'b' } }]);
    await b.waitFor(3, 5_000);
    assert.deepEqual(names(b).sort(), ['X', 'Y', 'Z']);
    assert.deepEqual(names(a).sort(), ['U', 'X']);
  });

  it('sends nothing again after a restart on the same Redis', async () => {
    klaxon.writeConfig(v2());
    await klaxon.stop('SIGTERM');
    await klaxon.start();
    await sleep(3_000);
    assert.deepEqual(names(a).sort(), ['U', 'X']);
    assert.deepEqual(names(b).sort(), ['X', 'Y', 'Z']);
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'W', team: 'b' } }]);
    await b.waitFor(4, 5_000);
  });
});

describe('processes with different configs on one Redis (a rolling reload)', () => {
  it('leaves groups of routes a process does not know to the process that knows them', async () => {
    const hook = await WebhookReceiver.start();
    const other = await WebhookReceiver.start();
    const redis = await TestRedisServer.start({ appendOnly: false });
    const older = `
route:
  receiver: other
  group_by: [alertname]
  group_wait: 5s
  group_interval: 1s
receivers:
- name: other
  webhook_configs: [{url: '${other.url}'}]
- name: hook
  webhook_configs: [{url: '${hook.url}'}]
`;
    const newer = older.replace('  group_interval: 1s\n', "  group_interval: 1s\n  routes:\n  - receiver: hook\n    matchers: ['team=\"new\"']\n");
    const updated = new KlaxonProcess({ redisUrl: redis.url, config: newer });
    const outdated = new KlaxonProcess({ redisUrl: redis.url, config: older });
    try {
      await updated.start();
      // Due at different times, so that each group's flush is a separate race between the two.
      const names = Array.from({ length: 12 }, (_, i) => `N${String(i).padStart(2, '0')}`);
      for (const alertname of names) {
        await postAlerts(updated.baseUrl, [{ labels: { alertname, team: 'new' } }]);
        await sleep(60);
      }
      // Started while the groups wait (after their alerts were ingested under the newer tree):
      // it polls the same schedule but has no route for them.
      await outdated.start();
      await hook.waitFor(names.length, 15_000);
      await sleep(2_000);
      assert.deepEqual(hook.notifications.map((n) => n.body.groupLabels.alertname).sort(), names);
    } finally {
      await updated.cleanup();
      await outdated.cleanup();
      await redis.stop();
      await hook.close();
      await other.close();
    }
  });
});
