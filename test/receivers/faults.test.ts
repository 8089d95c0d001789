// Notifier-level fault tests: a receiver down for a while then back, a 429 storm with Retry-After, and
// one receiver hanging while another answers. The retries use libs/notify's backoff, the way the
// delivery worker runs them, with the receiver's Retry-After honoured (retryWaitMs).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { backoffDelay, FixedTemplates, isRetryable, OpsgenieNotifier, PagerdutyNotifier, retryUntil, retryWaitMs } from '../../libs/notify/src';
import { freePort } from '../support/free-port';
import { FakeReceiverApi } from './support/fake-receiver-api';
import { firingAlert, neverAborted, notificationOf } from './support/notifications';
import { receiverFromYaml } from './support/receiver-from-yaml';

const pagerduty = new PagerdutyNotifier(new FixedTemplates());
const n = () => notificationOf([firingAlert({ alertname: 'Disk' })]);
const FAST = { initialMs: 50, multiplier: 1.5, randomization: 0.5, maxMs: 400 };

describe('receiver faults', () => {
  const servers: FakeReceiverApi[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  it('a receiver down for a while, then back: delivered exactly once', async () => {
    const port = await freePort();
    const config = receiverFromYaml(`pagerduty_configs:\n- routing_key: k\n  url: http://127.0.0.1:${port}/v2/enqueue`).pagerdutyConfigs[0];
    let attempts = 0;
    let server: FakeReceiverApi | undefined;
    const comeBack = setTimeout(async () => {
      server = await FakeReceiverApi.start(port);
      servers.push(server);
      server.answerNext({ status: 503 }, { status: 502 });
    }, 600);
    const outcome = await retryUntil(Date.now() + 10_000, async (signal) => {
      attempts++;
      await pagerduty.send(config, n(), signal);
    }, { backoff: FAST });
    clearTimeout(comeBack);
    assert.equal(outcome.error, undefined);
    assert.ok(attempts >= 4, `refused and 5xx attempts were retried (${attempts})`);
    const accepted = server!.requests.length;
    assert.equal(accepted, 3, 'two 5xx answers, then the one that was accepted');
    assert.equal(new Set(server!.requests.map((r) => JSON.parse(r.body).dedup_key)).size, 1);
  });

  it('a 429 storm: nothing dropped, every Retry-After waited for', async () => {
    const server = await FakeReceiverApi.start();
    servers.push(server);
    server.answerNext(...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '1' } })));
    const config = receiverFromYaml(`pagerduty_configs:\n- routing_key: k\n  url: ${server.base}/v2/enqueue`).pagerdutyConfigs[0];
    for (let attempt = 0; ; attempt++) {
      try {
        await pagerduty.send(config, n(), neverAborted());
        break;
      } catch (err) {
        assert.ok(isRetryable(err));
        await new Promise((r) => setTimeout(r, retryWaitMs(err, backoffDelay(attempt, FAST))));
      }
    }
    assert.equal(server.requests.length, 5);
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i].at);
    assert.ok(gaps.every((g) => g >= 990), `gaps ${gaps.join(', ')} ms`);
  });

  it('one receiver hanging does not hold up another', async () => {
    const hanging = await FakeReceiverApi.start();
    const healthy = await FakeReceiverApi.start();
    servers.push(hanging, healthy);
    hanging.answerNext({ hang: true });
    const pd = receiverFromYaml(`pagerduty_configs:\n- routing_key: k\n  url: ${hanging.base}/v2/enqueue`).pagerdutyConfigs[0];
    const og = receiverFromYaml(`opsgenie_configs:\n- api_key: k\n  api_url: ${healthy.base}/`).opsgenieConfigs[0];
    const started = Date.now();
    let healthyDoneAt = 0;
    const [stuck, fine] = await Promise.allSettled([
      pagerduty.send(pd, n(), AbortSignal.timeout(1500)),
      new OpsgenieNotifier(new FixedTemplates()).send(og, n(), AbortSignal.timeout(1500)).then(() => (healthyDoneAt = Date.now())),
    ]);
    assert.equal(fine.status, 'fulfilled');
    assert.ok(healthyDoneAt - started < 1000, `healthy receiver took ${healthyDoneAt - started} ms`);
    assert.equal(stuck.status, 'rejected');
    assert.ok(isRetryable((stuck as PromiseRejectedResult).reason));
    assert.ok(Date.now() - started >= 1400);
  });
});
