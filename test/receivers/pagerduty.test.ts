// PagerDuty notifier against a local server speaking the Events API, compared with what
// Alertmanager 0.25 sent for the same group (captures/alertmanager-0.25.json). custom_details follow
// Alertmanager ≥0.30 (firing/resolved as alert arrays, num_* as numbers), not 0.25's text blobs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../libs/core/src';
import { FixedTemplates, NotifyError, PagerdutyNotifier, RetryAfterError, PAGERDUTY_V1_URL, pagerdutyV1Url, DETAILS_REMOVED } from '../../libs/notify/src';
import { capture, capturedReceiver, firingNotification, resolvedNotification } from './support/captured-group';
import { FakeReceiverApi } from './support/fake-receiver-api';
import { firingAlert, neverAborted, notificationOf, resolvedAlert } from './support/notifications';
import { receiverFromYaml } from './support/receiver-from-yaml';

const notifier = new PagerdutyNotifier(new FixedTemplates());

/** The JSON with custom_details removed, keys in the order sent. */
function withoutDetails(body: string): string {
  const parsed = JSON.parse(body);
  delete parsed.payload.custom_details;
  return JSON.stringify(parsed);
}

describe('PagerDuty Events v2 payloads match Alertmanager', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());

  for (const [phase, build] of [['firing', firingNotification], ['resolved', resolvedNotification]] as const) {
    it(`sends the ${phase} event Alertmanager 0.25 sent, field for field and in order`, async () => {
      const config = capturedReceiver(api.base).pagerdutyConfigs[0];
      const from = api.requests.length;
      await notifier.send(config, build(), neverAborted());
      const sent = api.requests[from];
      const expected = capture[phase].requests.find((r) => r.url === '/v2/enqueue')!;
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, '/v2/enqueue');
      assert.equal(sent.headers['content-type'], 'application/json');
      assert.match(sent.headers['user-agent'] ?? '', /^Alertmanager\/\d+\.\d+\.\d+$/);
      assert.equal(withoutDetails(sent.body), withoutDetails(expected.body));
      assert.ok(sent.body.endsWith('}\n'), 'json.Encoder ends the body with a newline');
    });
  }

  it('custom_details have the ≥0.30 shape: alert objects and numbers', async () => {
    const config = capturedReceiver(api.base).pagerdutyConfigs[0];
    const n = firingNotification();
    await notifier.send(config, n, neverAborted());
    const details = JSON.parse(api.requests.at(-1)!.body).payload.custom_details;
    assert.deepEqual(Object.keys(details), ['firing', 'num_firing', 'num_resolved', 'resolved']);
    assert.equal(details.num_firing, 1);
    assert.equal(details.num_resolved, 0);
    assert.deepEqual(details.resolved, []);
    assert.deepEqual(details.firing, [
      {
        annotations: { description: 'd1', summary: 'first <b>' },
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: n.alerts[0].fingerprint,
        generatorURL: 'http://prom/graph?g0.expr=up',
        labels: { alertname: 'Other', instance: 'a:1', severity: 'warning' },
        startsAt: '2026-11-24T01:00:00Z',
        status: 'firing',
      },
    ]);
    assert.match(api.requests.at(-1)!.body, /first \\u003cb\\u003e/, 'HTML characters escaped as Go does');
  });
});

describe('PagerDuty fields', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());

  const send = async (yaml: string, n = notificationOf([firingAlert({ alertname: 'Disk', severity: 'critical' })])) => {
    const config = receiverFromYaml(`pagerduty_configs:\n- url: ${api.base}/v2/enqueue\n${yaml.split('\n').map((l) => '  ' + l).join('\n')}`).pagerdutyConfigs[0];
    await notifier.send(config, n, neverAborted());
    return JSON.parse(api.requests.at(-1)!.body);
  };

  it('dedup_key is the sha256 of the group key; trigger while any alert fires, resolve when all are resolved', async () => {
    const mixed = notificationOf([firingAlert({ alertname: 'Disk', i: '1' }), resolvedAlert({ alertname: 'Disk', i: '2' })]);
    const trigger = await send('routing_key: k', mixed);
    assert.equal(trigger.dedup_key, sha256Hex(mixed.groupKey));
    assert.equal(trigger.event_action, 'trigger');
    const resolve = await send('routing_key: k', notificationOf([resolvedAlert({ alertname: 'Disk', i: '1' }), resolvedAlert({ alertname: 'Disk', i: '2' })]));
    assert.equal(resolve.event_action, 'resolve');
    assert.ok(resolve.payload.custom_details, 'resolve events carry the full payload');
  });

  it('severity defaults to error and is templated; empty class/component/group/images/links are omitted', async () => {
    const plain = await send('routing_key: k');
    assert.equal(plain.payload.severity, 'error');
    assert.deepEqual(Object.keys(plain.payload), ['summary', 'source', 'severity', 'custom_details']);
    assert.equal('images' in plain, false);
    assert.equal('links' in plain, false);
    const templated = await send('routing_key: k\nseverity: "{{ .CommonLabels.severity }}"\nsource: src-{{ .GroupLabels.alertname }}\nclient: C\nclient_url: http://c/{{ .Status }}');
    assert.equal(templated.payload.severity, 'critical');
    assert.equal(templated.payload.source, 'src-Disk');
    assert.equal(templated.client, 'C');
    assert.equal(templated.client_url, 'http://c/firing');
  });

  it('images without src and links without href are dropped', async () => {
    const msg = await send('routing_key: k\nimages: [{src: "", alt: a}, {src: "http://i/{{ .Status }}", alt: b}]\nlinks: [{text: t}, {href: "http://l", text: ""}]');
    assert.deepEqual(msg.images, [{ src: 'http://i/firing', alt: 'b', href: '' }]);
    assert.deepEqual(msg.links, [{ href: 'http://l', text: '' }]);
  });

  it('summary is truncated to 1024 runes ending with an ellipsis', async () => {
    const msg = await send(`routing_key: k\ndescription: "${'é'.repeat(1100)}"`);
    const runes = Array.from(msg.payload.summary as string);
    assert.equal(runes.length, 1024);
    assert.equal(runes[1023], '…');
    assert.equal(runes[1022], 'é');
  });

  it('details: configured keys are templated and merged over the defaults, YAML structure becomes JSON structure', async () => {
    const msg = await send('routing_key: k\ndetails:\n  team: "{{ .CommonLabels.severity }}"\n  count: "{{ len .Alerts }}"\n  list: "[a, b]"\n  firing: "overridden"');
    const d = msg.payload.custom_details;
    assert.equal(d.team, 'critical');
    assert.equal(d.count, 1);
    assert.deepEqual(d.list, ['a', 'b']);
    assert.equal(d.firing, 'overridden');
    assert.equal(d.num_firing, 1);
  });

  it('an event over 512000 bytes has its details replaced by the size message', async () => {
    const huge = 'x'.repeat(600_000);
    const msg = await send('routing_key: k', notificationOf([firingAlert({ alertname: 'Disk' }, { big: huge })]));
    assert.deepEqual(msg.payload.custom_details, { error: DETAILS_REMOVED });
    assert.ok(Buffer.byteLength(api.requests.at(-1)!.body) < 512000);
    assert.equal(msg.payload.summary, '[FIRING:1] Disk ');
  });

  it('a routing key that templates to nothing is a permanent error that names no key', async () => {
    const config = receiverFromYaml(`pagerduty_configs:\n- url: ${api.base}/v2/enqueue\n  routing_key: '{{ .CommonLabels.missing }}'`).pagerdutyConfigs[0];
    const before = api.requests.length;
    await assert.rejects(notifier.send(config, notificationOf([firingAlert({ alertname: 'Disk' })]), neverAborted()), (err: NotifyError) => {
      assert.equal(err.retryable, false);
      assert.equal(err.message, 'routing key cannot be empty');
      return true;
    });
    assert.equal(api.requests.length, before, 'nothing was sent');
  });
});

describe('PagerDuty Events v1 (service_key)', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());

  it('posts to `url` when it is set (Klaxon extension; Alertmanager always uses the public v1 URL)', async () => {
    const config = receiverFromYaml(`pagerduty_configs:\n- url: ${api.base}/v1/create_event.json\n  service_key: sk1\n  details: {only: "{{ .Status }}"}`).pagerdutyConfigs[0];
    const n = notificationOf([firingAlert({ alertname: 'Disk' })]);
    await new PagerdutyNotifier(new FixedTemplates()).send(config, n, neverAborted());
    const sent = api.requests.at(-1)!;
    assert.equal(sent.url, '/v1/create_event.json');
    const msg = JSON.parse(sent.body);
    assert.deepEqual(Object.keys(msg), ['service_key', 'incident_key', 'event_type', 'description', 'event_action', 'payload', 'client', 'client_url', 'details']);
    assert.equal(msg.service_key, 'sk1');
    assert.equal(msg.incident_key, sha256Hex(n.groupKey));
    assert.equal(msg.event_type, 'trigger');
    assert.equal(msg.event_action, '');
    assert.equal(msg.payload, null);
    assert.equal(msg.details.only, 'firing');
    assert.equal(msg.details.num_firing, 1);
  });

  it('resolve events carry no client fields', async () => {
    const config = receiverFromYaml(`pagerduty_configs:\n- url: ${api.base}/v1\n  service_key: sk1`).pagerdutyConfigs[0];
    await notifier.send(config, notificationOf([resolvedAlert({ alertname: 'Disk' })]), neverAborted());
    const msg = JSON.parse(api.requests.at(-1)!.body);
    assert.equal(msg.event_type, 'resolve');
    assert.equal('client' in msg, false);
    assert.equal('client_url' in msg, false);
  });

  it('without a url of its own, v1 goes to the public PagerDuty v1 endpoint', () => {
    const config = receiverFromYaml('pagerduty_configs:\n- service_key: sk1').pagerdutyConfigs[0];
    assert.equal(pagerdutyV1Url(config), PAGERDUTY_V1_URL);
  });

  it('403 (the v1 rate limit) is retried', async () => {
    const config = receiverFromYaml(`pagerduty_configs:\n- url: ${api.base}/v1\n  service_key: sk1`).pagerdutyConfigs[0];
    api.answerNext({ status: 403, body: 'slow down' });
    await assert.rejects(notifier.send(config, notificationOf([firingAlert({ alertname: 'Disk' })]), neverAborted()), (err: NotifyError) => err.retryable && /403/.test(err.message));
  });
});

describe('PagerDuty answers', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());
  const config = () => receiverFromYaml(`pagerduty_configs:\n- url: ${api.base}/v2/enqueue\n  routing_key: secret-routing-key`).pagerdutyConfigs[0];
  const n = () => notificationOf([firingAlert({ alertname: 'Disk' })]);

  it('429 is retried after the Retry-After the server asked for', async () => {
    api.answerNext({ status: 429, headers: { 'Retry-After': '7' }, body: '{"status":"throttle"}' });
    await assert.rejects(notifier.send(config(), n(), neverAborted()), (err: unknown) => {
      assert.ok(err instanceof RetryAfterError);
      assert.equal(err.retryable, true);
      assert.equal(err.retryAfterMs, 7000);
      assert.equal(err.reason, 'clientError');
      return true;
    });
  });

  it('5xx is retried', async () => {
    api.answerNext({ status: 503, body: 'maintenance' });
    await assert.rejects(notifier.send(config(), n(), neverAborted()), (err: NotifyError) => err.retryable && err.reason === 'serverError' && err.message === 'unexpected status code 503');
  });

  it("400 is permanent and keeps PagerDuty's error text; the routing key is never in the error", async () => {
    api.answerNext({ status: 400, body: '{"status":"invalid event","message":"Event object is invalid","errors":["Length of \'routing_key\' is incorrect (should be 32 characters)"]}' });
    await assert.rejects(notifier.send(config(), n(), neverAborted()), (err: NotifyError) => {
      assert.equal(err.retryable, false);
      assert.equal(err.message, "unexpected status code 400: Event object is invalid: Length of 'routing_key' is incorrect (should be 32 characters)");
      assert.doesNotMatch(err.message + String(err.stack), /secret-routing-key/);
      return true;
    });
  });

  it('a hanging server fails the attempt when the signal aborts, as a retryable error without the URL', async () => {
    api.answerNext({ hang: true });
    const started = Date.now();
    await assert.rejects(notifier.send(config(), n(), AbortSignal.timeout(300)), (err: NotifyError) => {
      assert.equal(err.retryable, true);
      assert.doesNotMatch(err.message, /127\.0\.0\.1|secret/);
      return true;
    });
    assert.ok(Date.now() - started < 5000);
  });
});
