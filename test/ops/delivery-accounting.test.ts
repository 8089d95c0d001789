import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';
import { FakeReceiverApi } from '../receivers/support/fake-receiver-api';
import { eventually } from '../support/eventually';

// Through bin/klaxon: every delivery is counted in Alertmanager's metrics and kept in the
// notification history; a PagerDuty 429 with Retry-After is waited out, not hammered.

let webhook: FakeReceiverApi;
let broken: FakeReceiverApi;
let pagerduty: FakeReceiverApi;
let klaxon: KlaxonProcess;

before(async () => {
  [webhook, broken, pagerduty] = await Promise.all([FakeReceiverApi.start(), FakeReceiverApi.start(), FakeReceiverApi.start()]);
  webhook.answerNext({ status: 500 });
  broken.answerNext(...Array.from({ length: 10 }, () => ({ status: 400, body: 'no such thing' })));
  pagerduty.answerNext({ status: 429, headers: { 'Retry-After': '2' }, body: '{"status":"throttled"}' });
  klaxon = await KlaxonProcess.start({
    config: `
route:
  receiver: flaky
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1h
  routes:
    - matchers: ['alertname="Broken"']
      receiver: broken
    - matchers: ['alertname="Paged"']
      receiver: pager
receivers:
  - name: flaky
    webhook_configs:
      - url: ${webhook.base}/hook
  - name: broken
    webhook_configs:
      - url: ${broken.base}/hook
  - name: pager
    pagerduty_configs:
      - routing_key: secret-routing-key
        url: ${pagerduty.base}/v2/enqueue
`,
  });
});

after(async () => {
  await klaxon?.cleanup();
  await Promise.all([webhook?.close(), broken?.close(), pagerduty?.close()]);
});

async function metric(name: string): Promise<number | undefined> {
  const text = await (await fetch(`${klaxon.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name + ' '));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

interface HistoryEntry { receiver: string; integration: string; outcome: string; attempts: number; error?: string; reason: string; alerts: { status: string }[] }

async function history(query: string): Promise<HistoryEntry[]> {
  return ((await (await fetch(`${klaxon.baseUrl}/api/klaxon/v1/notifications?${query}`)).json()) as { notifications: HistoryEntry[] }).notifications;
}

async function post(alertname: string): Promise<void> {
  const r = await fetch(`${klaxon.baseUrl}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ labels: { alertname } }]) });
  assert.equal(r.status, 200);
}

test('a delivery retried after a 500 is one notification of two requests, delivered, in metrics and history', async () => {
  await post('Flaky');
  const [entry] = await eventually('the history entry', async () => {
    const h = await history('receiver=flaky');
    return h.length > 0 ? h : undefined;
  });
  assert.equal(entry.outcome, 'delivered');
  assert.equal(entry.attempts, 2);
  assert.equal(entry.integration, 'webhook');
  assert.equal(entry.reason, 'first notification');
  assert.deepEqual(entry.alerts.map((a) => a.status), ['firing']);
  assert.equal(webhook.requests.length, 2);
  assert.equal(await metric('alertmanager_notifications_total{integration="webhook"}'), 1);
  assert.equal(await metric('alertmanager_notification_requests_total{integration="webhook"}'), 2);
  assert.equal(await metric('alertmanager_notification_requests_failed_total{integration="webhook"}'), 1);
});

test('a permanent 4xx fails at once with the receiver\'s answer, counted with reason clientError', async () => {
  await post('Broken');
  const [entry] = await eventually('the failed entry', async () => {
    const h = await history('receiver=broken&outcome=failed');
    return h.length > 0 ? h : undefined;
  });
  assert.equal(entry.attempts, 1);
  assert.match(entry.error ?? '', /400/);
  assert.equal(broken.requests.length, 1, 'not retried');
  assert.equal(await metric('alertmanager_notifications_failed_total{integration="webhook",reason="clientError"}'), 1);
});

test('PagerDuty\'s 429 with Retry-After is honoured, and the routing key stays out of the history', async () => {
  await post('Paged');
  const [entry] = await eventually('the PagerDuty delivery', async () => {
    const h = await history('receiver=pager&outcome=delivered');
    return h.length > 0 ? h : undefined;
  });
  assert.equal(pagerduty.requests.length, 2);
  const gap = pagerduty.requests[1].at - pagerduty.requests[0].at;
  assert.ok(gap >= 1900, `waited ${gap} ms for Retry-After: 2`);
  assert.equal(entry.attempts, 2);
  const raw = await (await fetch(`${klaxon.baseUrl}/api/klaxon/v1/notifications`)).text();
  assert.ok(!raw.includes('secret-routing-key'));
  assert.ok(!klaxon.logs.includes('secret-routing-key'), 'no secret in the logs');
});
