// Alertmanager's TestAlertGetReturnsCurrentAlertStatus (api_test.go): the alert status in the API
// changes at once with silences and inhibiting alerts, not at the next flush.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AcceptanceTest } from './harness/acceptance-test';
import { deleteSilence, getAlerts, postAlerts, postSilence } from './harness/api-client';

describe('acceptance: alert status API', () => {
  it('reports silenced and inhibited alerts immediately', async () => {
    const at = new AcceptanceTest({ tolerance: 1_000 });
    const wh = await at.webhook('webhook');
    const router = await at.start(`
route:
  receiver: "default"
  group_by: []
  group_wait:      1s
  group_interval:  10m
  repeat_interval: 1h

inhibit_rules:
  - source_match:
      severity: 'critical'
    target_match:
      severity: 'warning'
    equal: ['alertname']

receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${wh.address}'
`);
    try {
      const now = Date.now();
      const startsAt = new Date(now).toISOString();
      const endsAt = new Date(now + 300_000).toISOString();
      await postAlerts(router.baseUrl, [{ labels: { alertname: 'test1', severity: 'warning' }, startsAt, endsAt }]);
      let alerts = await getAlerts(router.baseUrl);
      assert.deepEqual(alerts.map((a) => a.status.state), ['active']);
      const warningFp = alerts[0].fingerprint;

      // Past group_wait, so the pipeline is not what updates the status.
      await new Promise((r) => setTimeout(r, 2_000));
      const silenceId = await postSilence(router.baseUrl, {
        matchers: [{ name: 'alertname', value: 'test1', isRegex: false }],
        startsAt,
        endsAt,
        createdBy: 'a',
        comment: 'a',
      });
      alerts = await getAlerts(router.baseUrl);
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0].status.state, 'suppressed');
      assert.deepEqual(alerts[0].status.silencedBy, [silenceId]);

      await postAlerts(router.baseUrl, [{ labels: { alertname: 'test1', severity: 'critical' }, startsAt, endsAt }]);
      alerts = await getAlerts(router.baseUrl);
      const critical = alerts.find((a) => a.labels.severity === 'critical')!;
      const warning = alerts.find((a) => a.fingerprint === warningFp)!;
      for (const a of alerts) assert.deepEqual(a.status.silencedBy, [silenceId]);
      assert.equal(warning.status.state, 'suppressed');
      assert.deepEqual(warning.status.inhibitedBy, [critical.fingerprint]);

      await deleteSilence(router.baseUrl, silenceId);
      alerts = await getAlerts(router.baseUrl);
      for (const a of alerts) assert.deepEqual(a.status.silencedBy, []);
      assert.equal(alerts.find((a) => a.fingerprint === critical.fingerprint)!.status.state, 'active');
      assert.equal(alerts.find((a) => a.fingerprint === warningFp)!.status.state, 'suppressed');
    } finally {
      await at.close();
    }
  });
});
