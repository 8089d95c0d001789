// Alertmanager's send acceptance scenarios (test/with_api_v2/acceptance/send_test.go), black box:
// merge, merge with endsAt, repeat, retry with two webhooks, batching, resolved, resolved filter.
// ACCEPTANCE_TARGET=alertmanager runs the same expectations against Alertmanager 0.25.
import { describe, it } from 'node:test';
import { AcceptanceTest } from './harness/acceptance-test';
import { alert } from './harness/alert-spec';
import { between } from './harness/collector';

const fastConfig = (url: string, opts: { groupBy: string; repeat: string; gi?: string; sendResolved?: boolean }) => `
route:
  receiver: "default"
  group_by: ${opts.groupBy}
  group_wait:      1s
  group_interval:  ${opts.gi ?? '1s'}
  repeat_interval: ${opts.repeat}

receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${url}'${opts.sendResolved ? '\n    send_resolved: true' : ''}
`;

async function mergeScenario(withEndsAt: boolean): Promise<void> {
  const range = (ts: number): [number, number?] => (withEndsAt ? [ts, ts + 3] : [ts]);
  const at = new AcceptanceTest();
  const wh = await at.webhook('webhook');
  await at.start(fastConfig(wh.address, { groupBy: '[alertname]', repeat: '1ms', sendResolved: true }));

  // Refreshes keep the earliest startsAt, even from a later post with an earlier start.
  at.push(1, alert('alertname', 'test').active(...range(1.1)));
  at.push(1.2, alert('alertname', 'test').active(1));
  wh.want(between(2, 2.5), alert('alertname', 'test').active(1));

  at.push(2.1, alert('alertname', 'test').annotate('ann', 'v1').active(...range(2)));
  wh.want(between(3, 3.5), alert('alertname', 'test').annotate('ann', 'v1').active(1));

  // Annotations always come from the most recent post.
  at.push(3.6, alert('alertname', 'test').annotate('ann', 'v2').active(...range(1.5)));
  wh.want(between(4, 4.5), alert('alertname', 'test').annotate('ann', 'v2').active(1));

  // Resolved twice: the latest endsAt wins.
  at.push(4.6, alert('alertname', 'test').annotate('ann', 'v2').active(3, 4.5));
  at.push(4.8, alert('alertname', 'test').annotate('ann', 'v3').active(2.9, 4.8));
  at.push(4.8, alert('alertname', 'test').annotate('ann', 'v3').active(2.9, 4.1));
  wh.want(between(5, 5.5), alert('alertname', 'test').annotate('ann', 'v3').active(1, 4.8));

  // Re-activation after a resolve does not overlap, so it is not merged: a fresh startsAt.
  at.push(5.3, alert('alertname', 'test').active(...range(5)));
  wh.want(between(6, 6.5), alert('alertname', 'test').active(5));

  await at.run();
}

// Three at a time: many Klaxon processes starting at once on two cores would skew the timings.
describe('acceptance: sending', { concurrency: 3 }, () => {
  it('merges re-posted alerts (earliest startsAt, latest annotations, latest endsAt)', () => mergeScenario(false));

  it('merges re-posted alerts that carry endsAt = start + 3s, as Prometheus sends them', () => mergeScenario(true));

  it('repeats the notification on every tick and sends the resolved alert once', async () => {
    const at = new AcceptanceTest();
    const wh = await at.webhook('webhook');
    await at.start(fastConfig(wh.address, { groupBy: '[alertname]', repeat: '1ms' }));
    at.push(1, alert('alertname', 'test').active(1));
    at.push(3.5, alert('alertname', 'test').active(1, 3));
    wh.want(between(2, 2.5), alert('alertname', 'test').active(1));
    wh.want(between(3, 3.5), alert('alertname', 'test').active(1));
    wh.want(between(4, 4.5), alert('alertname', 'test').active(1, 3));
    await at.run();
  });

  it('keeps one notification log entry per integration (retry with two webhooks)', async () => {
    const at = new AcceptanceTest();
    const wh1 = await at.webhook('webhook');
    // Answers 200 without recording before t=4.5: a success the collector never sees.
    const wh2 = await at.webhook('webhook_failing', (ts) => ts < 4.5);
    await at.start(`
route:
  receiver: "default"
  group_by: [alertname]
  group_wait:      1s
  group_interval:  2s
  repeat_interval: 3s

receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${wh1.address}'
  - url: 'http://${wh2.address}'
`);
    at.push(1, alert('alertname', 'test1'));
    wh1.want(between(2, 2.5), alert('alertname', 'test1').active(1));
    wh1.want(between(6, 6.5), alert('alertname', 'test1').active(1));
    wh2.want(between(6, 6.5), alert('alertname', 'test1').active(1));
    await at.run();
  });

  it('batches alerts arriving between ticks and stays quiet until the repeat interval', async () => {
    const at = new AcceptanceTest();
    const wh = await at.webhook('webhook');
    await at.start(fastConfig(wh.address, { groupBy: '[]', repeat: '4900ms' }));
    at.push(1.1, alert('alertname', 'test1').active(1));
    at.push(1.7, alert('alertname', 'test5').active(1));
    wh.want(between(2.0, 2.5), alert('alertname', 'test1').active(1), alert('alertname', 'test5').active(1));
    at.push(3.3, alert('alertname', 'test2').active(1.5), alert('alertname', 'test3').active(1.5), alert('alertname', 'test4').active(1.6));
    const all = () => [
      alert('alertname', 'test1').active(1),
      alert('alertname', 'test5').active(1),
      alert('alertname', 'test2').active(1.5),
      alert('alertname', 'test3').active(1.5),
      alert('alertname', 'test4').active(1.6),
    ];
    wh.want(between(4.1, 4.5), ...all());
    wh.want(between(9.1, 9.5), ...all());
    await at.run();
  });

  it('resolves alerts posted without endsAt after resolve_timeout, notified on the next tick', async () => {
    const at = new AcceptanceTest();
    const wh = await at.webhook('webhook');
    await at.start(`
global:
  resolve_timeout: 10s

route:
  receiver: "default"
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s

receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${wh.address}'
`);
    const three = (end?: number) => ['v1', 'v2', 'v3'].map((v) => alert('alertname', 'test', 'lbl', v).active(1, end));
    at.push(1, ...['v1', 'v2', 'v3'].map((v) => alert('alertname', 'test', 'lbl', v)));
    wh.want(between(2, 2.5), ...three());
    wh.want(between(12, 13), ...three(11));
    await at.run();
  });

  it('records resolved alerts for send_resolved: false without sending them (resolved filter)', async () => {
    const at = new AcceptanceTest();
    const wh1 = await at.webhook('webhook1');
    const wh2 = await at.webhook('webhook2');
    await at.start(`
global:
  resolve_timeout: 10s

route:
  receiver: "default"
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s

receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${wh1.address}'
    send_resolved: true
  - url: 'http://${wh2.address}'
    send_resolved: false
`);
    at.push(1, alert('alertname', 'test', 'lbl', 'v1'), alert('alertname', 'test', 'lbl', 'v2'));
    at.push(3, alert('alertname', 'test', 'lbl', 'v1').active(1, 4), alert('alertname', 'test', 'lbl', 'v3'));
    at.push(8, alert('alertname', 'test', 'lbl', 'v3').active(3));

    wh1.want(between(2, 2.5), alert('alertname', 'test', 'lbl', 'v1').active(1), alert('alertname', 'test', 'lbl', 'v2').active(1));
    wh1.want(
      between(7, 7.5),
      alert('alertname', 'test', 'lbl', 'v1').active(1, 4),
      alert('alertname', 'test', 'lbl', 'v2').active(1),
      alert('alertname', 'test', 'lbl', 'v3').active(3),
    );
    // v2 resolves by resolve_timeout at 11.
    wh1.want(between(12, 12.5), alert('alertname', 'test', 'lbl', 'v2').active(1, 11), alert('alertname', 'test', 'lbl', 'v3').active(3));

    wh2.want(between(2, 2.5), alert('alertname', 'test', 'lbl', 'v1').active(1), alert('alertname', 'test', 'lbl', 'v2').active(1));
    wh2.want(between(7, 7.5), alert('alertname', 'test', 'lbl', 'v2').active(1), alert('alertname', 'test', 'lbl', 'v3').active(3));
    // A shrinking firing set is no reason to notify.
    wh2.want(between(12, 12.5));
    await at.run();
  });
});
