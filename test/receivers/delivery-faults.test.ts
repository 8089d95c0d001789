// End to end through a running Klaxon (bin/klaxon, its dispatcher and BullMQ delivery): a PagerDuty
// receiver that fails for a while is delivered to exactly once when it comes back; a hanging PagerDuty
// does not delay the OpsGenie integration of the same receiver.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { KlaxonProcess } from '../support/klaxon-process';
import { FakeReceiverApi } from './support/fake-receiver-api';

const config = (pagerduty: string, opsgenie?: string) => `
route:
  receiver: team
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
receivers:
- name: team
  pagerduty_configs: [{routing_key: rk, url: '${pagerduty}/v2/enqueue', timeout: 2s}]
${opsgenie ? `  opsgenie_configs: [{api_key: k, api_url: '${opsgenie}/'}]` : ''}
`;

async function postAlert(klaxon: KlaxonProcess, alertname: string): Promise<void> {
  const res = await fetch(`${klaxon.baseUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([{ labels: { alertname, severity: 'critical' }, annotations: { summary: 's' } }]),
  });
  assert.equal(res.status, 200);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('delivery faults, end to end', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('a receiver failing for a while, then back: the notification is accepted exactly once', async () => {
    const pd = await FakeReceiverApi.start();
    cleanup.push(() => pd.close());
    pd.answerNext({ status: 503 }, { status: 500 }, { status: 502 });
    const klaxon = await KlaxonProcess.start({ config: config(pd.base) });
    cleanup.push(() => klaxon.cleanup());
    await postAlert(klaxon, 'DownThenBack');
    await waitFor(() => pd.requests.some((r) => r.status === 202), 20_000);
    await new Promise((r) => setTimeout(r, 4500)); // two more group intervals
    assert.equal(pd.requests.filter((r) => r.status === 202).length, 1, `answers: ${pd.requests.map((r) => r.status).join(',')}`);
    assert.ok(pd.requests.length >= 4);
    assert.equal(new Set(pd.requests.map((r) => JSON.parse(r.body).dedup_key)).size, 1);
    assert.ok(pd.requests.every((r) => JSON.parse(r.body).event_action === 'trigger'));
  });

  it('a hanging PagerDuty does not hold up the same receiver’s OpsGenie', async () => {
    const pd = await FakeReceiverApi.start();
    const og = await FakeReceiverApi.start();
    cleanup.push(() => pd.close(), () => og.close());
    pd.answerNext(...Array.from({ length: 20 }, () => ({ hang: true as const })));
    const klaxon = await KlaxonProcess.start({ config: config(pd.base, og.base) });
    cleanup.push(() => klaxon.cleanup());
    const posted = Date.now();
    await postAlert(klaxon, 'Hanging');
    await waitFor(() => og.requests.length > 0, 10_000);
    assert.ok(og.requests[0].at - posted < 4000, `OpsGenie got it after ${og.requests[0].at - posted} ms`);
    assert.equal(og.requests[0].url, '/v2/alerts');
    // Both deliveries start together; PagerDuty's request may arrive a moment after OpsGenie's.
    await waitFor(() => pd.requests.length >= 1, 5_000);
    assert.ok(pd.requests.every((r) => r.status === undefined), 'and never answered');
  });
});
