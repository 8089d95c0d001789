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
