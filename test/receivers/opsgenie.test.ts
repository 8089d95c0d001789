// OpsGenie notifier against a local server speaking the Alert API, compared byte for byte with what
// Alertmanager 0.25 sent for the same group (captures/alertmanager-0.25.json).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../libs/core/src';
import { FixedTemplates, NotifyError, OpsgenieNotifier, RetryAfterError } from '../../libs/notify/src';
import { capture, capturedReceiver, firingNotification, resolvedNotification } from './support/captured-group';
import { FakeReceiverApi } from './support/fake-receiver-api';
import { firingAlert, neverAborted, notificationOf, resolvedAlert } from './support/notifications';
import { receiverFromYaml } from './support/receiver-from-yaml';

const notifier = new OpsgenieNotifier(new FixedTemplates());

describe('OpsGenie requests match Alertmanager', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());

  for (const [phase, build] of [['firing', firingNotification], ['resolved', resolvedNotification]] as const) {
    it(`sends the ${phase} requests Alertmanager 0.25 sent (create + update_alerts, or close), byte for byte`, async () => {
      const config = capturedReceiver(api.base).opsgenieConfigs[0];
      const from = api.requests.length;
      await notifier.send(config, build(), neverAborted());
      const sent = api.requests.slice(from);
      const expected = capture[phase].requests.filter((r) => r.url.startsWith('/og/'));
      assert.deepEqual(sent.map((r) => `${r.method} ${r.url}`), expected.map((r) => `${r.method} ${r.url}`));
      for (let i = 0; i < sent.length; i++) {
        assert.equal(sent[i].body, expected[i].body, `body of ${expected[i].method} ${expected[i].url}`);
        assert.equal(sent[i].headers.authorization, 'GenieKey og-key');
        assert.equal(sent[i].headers['content-type'], 'application/json');
      }
    });
  }
});

describe('OpsGenie fields', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());

  const send = async (yaml: string, n = notificationOf([firingAlert({ alertname: 'Disk', team: 'db', severity: 'critical' })])) => {
    const config = receiverFromYaml(`opsgenie_configs:\n- api_key: k\n  api_url: ${api.base}/\n${yaml.split('\n').map((l) => '  ' + l).join('\n')}`).opsgenieConfigs[0];
    const from = api.requests.length;
    await notifier.send(config, n, neverAborted());
    return api.requests.slice(from);
  };

  it('alias is the sha256 of the group key; without update_alerts only the create is sent', async () => {
    const n = notificationOf([firingAlert({ alertname: 'Disk' })]);
    const [create, ...rest] = await send('', n);
    assert.equal(rest.length, 0);
    assert.equal(create.url, '/v2/alerts');
    assert.equal(JSON.parse(create.body).alias, sha256Hex(n.groupKey));
  });

  it('closes only when every alert is resolved', async () => {
    const mixed = await send('', notificationOf([firingAlert({ alertname: 'Disk', i: '1' }), resolvedAlert({ alertname: 'Disk', i: '2' })]));
    assert.equal(mixed[0].url, '/v2/alerts');
    const n = notificationOf([resolvedAlert({ alertname: 'Disk', i: '1' })]);
    const [close] = await send('', n);
    assert.equal(close.method, 'POST');
    assert.equal(close.url, `/v2/alerts/${sha256Hex(n.groupKey)}/close?identifierType=alias`);
  });

  it('responders: templated, empty ones dropped, `teams` split into teams; schedule and escalation kept', async () => {
    const [create] = await send('responders:\n- {name: "{{ .CommonLabels.team }}", type: team}\n- {name: "{{ .CommonLabels.nothing }}", type: "{{ .CommonLabels.nothing }}"}\n- {name: "a,b", type: teams}\n- {id: s1, type: schedule}\n- {name: esc, type: escalation}\n- {username: u@x, type: user}');
    assert.deepEqual(JSON.parse(create.body).responders, [
      { name: 'db', type: 'team' },
      { name: 'a', type: 'team' },
      { name: 'b', type: 'team' },
      { id: 's1', type: 'schedule' },
      { name: 'esc', type: 'escalation' },
      { username: 'u@x', type: 'user' },
    ]);
  });

  it('details start from the common labels, configured keys templated over them; empty optional fields are omitted', async () => {
    const [create] = await send('details: {severity: "{{ .Status }}", extra: x}');
    const body = JSON.parse(create.body);
    assert.deepEqual(body.details, { alertname: 'Disk', extra: 'x', severity: 'firing', team: 'db' });
    assert.deepEqual(Object.keys(body), ['alias', 'message', 'description', 'details', 'source']);
  });

  it('message is truncated to 130 runes', async () => {
    const [create] = await send(`message: "${'ü'.repeat(200)}"`);
    const runes = Array.from(JSON.parse(create.body).message as string);
    assert.equal(runes.length, 130);
    assert.equal(runes[129], '…');
  });

  it('tags, actions, priority, entity and note are templated', async () => {
    const [create] = await send('tags: "{{ .CommonLabels.team }},x,"\nactions: " a,b "\npriority: "{{ if eq .CommonLabels.severity \\"critical\\" }}P1{{ else }}P3{{ end }}"\nentity: e\nnote: n-{{ .Status }}');
    const body = JSON.parse(create.body);
    assert.deepEqual(body.tags, ['db', 'x']);
    assert.deepEqual(body.actions, ['a', 'b']);
    assert.equal(body.priority, 'P1');
    assert.equal(body.entity, 'e');
    assert.equal(body.note, 'n-firing');
  });

  it('a path in api_url is kept: Jira Service Management operations integration API', async () => {
    const config = receiverFromYaml(`opsgenie_configs:\n- api_key: k\n  api_url: ${api.base}/jsm/ops/integration`).opsgenieConfigs[0];
    const n = notificationOf([firingAlert({ alertname: 'Disk' })]);
    await notifier.send(config, n, neverAborted());
    assert.equal(api.requests.at(-1)!.url, '/jsm/ops/integration/v2/alerts');
    await notifier.send(config, notificationOf([resolvedAlert({ alertname: 'Disk' })]), neverAborted());
    assert.equal(api.requests.at(-1)!.url, `/jsm/ops/integration/v2/alerts/${sha256Hex(n.groupKey)}/close?identifierType=alias`);
  });
});

describe('OpsGenie answers', () => {
  let api: FakeReceiverApi;
  before(async () => (api = await FakeReceiverApi.start()));
  after(() => api.close());
  const config = () => receiverFromYaml(`opsgenie_configs:\n- api_key: very-secret-key\n  api_url: ${api.base}/\n  update_alerts: true`).opsgenieConfigs[0];
  const n = () => notificationOf([firingAlert({ alertname: 'Disk' })]);

  it('429 is retryable with the Retry-After date the server gave', async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    api.answerNext({ status: 429, headers: { 'Retry-After': at } });
    await assert.rejects(notifier.send(config(), n(), neverAborted()), (err: unknown) => {
      assert.ok(err instanceof RetryAfterError);
      assert.ok(err.retryAfterMs > 15_000 && err.retryAfterMs <= 20_000, String(err.retryAfterMs));
      return true;
    });
  });

  it('a failure of the update after the create fails the attempt (the whole notification is retried)', async () => {
    const from = api.requests.length;
    api.answerNext({ status: 202 }, { status: 500, body: 'boom' });
    await assert.rejects(notifier.send(config(), n(), neverAborted()), (err: NotifyError) => err.retryable && err.message === 'unexpected status code 500: boom');
    assert.equal(api.requests.length - from, 2, 'the description update is not sent after a failed message update');
  });

  it('422 is permanent, keeps the answer, and never shows the key', async () => {
    api.answerNext({ status: 422, body: '{"message":"Request body is not processable","took":0.001}' });
    await assert.rejects(notifier.send(config(), n(), neverAborted()), (err: NotifyError) => {
      assert.equal(err.retryable, false);
      assert.equal(err.message, 'unexpected status code 422: {"message":"Request body is not processable","took":0.001}');
      assert.doesNotMatch(err.message, /very-secret-key/);
      return true;
    });
  });
});
