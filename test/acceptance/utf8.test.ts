// Alertmanager's UTF-8 acceptance scenarios (utf8_test.go): UTF-8 label names in alerts,
// filters and routes (Alertmanager ≥ 0.27). Alertmanager 0.25 predates UTF-8 label names
// (reference section 0): in differential mode these scenarios check 0.25's refusal instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AcceptanceTest } from './harness/acceptance-test';
import { getAlerts, postAlerts } from './harness/api-client';
import { alert } from './harness/alert-spec';
import { between } from './harness/collector';
import { ACCEPTANCE_TARGET } from './harness/router-under-test';

const ON_ALERTMANAGER_025 = ACCEPTANCE_TARGET === 'alertmanager';

describe('acceptance: UTF-8 label names', { concurrency: true }, () => {
  it('accepts UTF-8 label names and filters on them', async () => {
    const at = new AcceptanceTest({ tolerance: 1_000 });
    const wh = await at.webhook('webhook');
    const router = await at.start(`
route:
  receiver: "default"
  group_by: []
  group_wait:      1s
  group_interval:  10m
  repeat_interval: 1h
receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${wh.address}'
`);
    try {
      const labels = { a: 'a', '00': 'b', Σ: 'c', '🙂': 'dΘ' };
      const now = Date.now();
      if (ON_ALERTMANAGER_025) {
        await assert.rejects(postAlerts(router.baseUrl, [{ labels }]), /400 "invalid label set: invalid name/);
        return;
      }
      await postAlerts(router.baseUrl, [{ labels, startsAt: new Date(now).toISOString(), endsAt: new Date(now + 300_000).toISOString() }]);
      const all = await getAlerts(router.baseUrl);
      assert.equal(all.length, 1);
      assert.deepEqual(all[0].labels, labels);
      const filter = ['00=b', 'Σ=c', '"\\xf0\\x9f\\x99\\x82"=dΘ'].map((f) => `filter=${encodeURIComponent(f)}`).join('&');
      const filtered = await getAlerts(router.baseUrl, `?${filter}`);
      assert.equal(filtered.length, 1);
      assert.deepEqual(filtered[0].labels, labels);
      const other = await getAlerts(router.baseUrl, `?filter=${encodeURIComponent('Σ=x')}`);
      assert.equal(other.length, 0);
    } finally {
      await at.close();
    }
  });

  it('routes and groups by a UTF-8 label name', async () => {
    const at = new AcceptanceTest();
    const wh = await at.webhook('webhook');
    const config = `
route:
  receiver: default
  routes:
    - receiver: webhook
      matchers:
        - foo🙂=bar
      group_by:
        - foo🙂
      group_wait: 1s
receivers:
- name: default
- name: webhook
  webhook_configs:
  - url: 'http://${wh.address}'
`;
    if (ON_ALERTMANAGER_025) {
      // 0.25 parses route matchers with the classic parser: the config does not load.
      await assert.rejects(at.start(config), /alertmanager exited/);
      return;
    }
    await at.start(config);
    at.push(1, alert('foo🙂', 'bar').active(1));
    wh.want(between(2, 2.5), alert('foo🙂', 'bar').active(1));
    await at.run();
  });
});
