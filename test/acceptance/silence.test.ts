// Alertmanager's silence acceptance scenarios (silence_test.go), black box.
import { describe, it } from 'node:test';
import { AcceptanceTest } from './harness/acceptance-test';
import { alert, silence } from './harness/alert-spec';
import { between } from './harness/collector';

const config = (url: string) => `
route:
  receiver: "default"
  group_by: []
  group_wait:      1s
  group_interval:  1s
  repeat_interval: 1ms

receivers:
- name: "default"
  webhook_configs:
  - url: 'http://${url}'
`;

describe('acceptance: silences', { concurrency: true }, () => {
  it('leaves a silenced alert out of the ticks while the silence is active', async () => {
    const at = new AcceptanceTest();
    const wh = await at.webhook('webhook');
    await at.start(config(wh.address));
    at.push(1, alert('alertname', 'test1').active(1));
    at.push(1, alert('alertname', 'test2').active(1));
    wh.want(between(2, 2.5), alert('alertname', 'test1').active(1), alert('alertname', 'test2').active(1));
    at.setSilence(2.3, silence(2.5, 4.5).match('alertname', 'test1'));
    wh.want(between(3, 3.5), alert('alertname', 'test2').active(1));
    wh.want(between(4, 4.5), alert('alertname', 'test2').active(1));
    wh.want(between(5, 5.5), alert('alertname', 'test1').active(1), alert('alertname', 'test2').active(1));
    await at.run();
  });

  it('notifies nothing until a matching silence is deleted, then everything', async () => {
    const at = new AcceptanceTest();
    const wh = await at.webhook('webhook');
    await at.start(config(wh.address));
    at.push(1, alert('alertname', 'test1').active(1));
    at.push(1, alert('alertname', 'test2').active(1));
    const everything = silence(1.5, 100).matchRE('alertname', '.+');
    at.setSilence(1.3, everything);
    at.delSilence(3.5, everything);
    wh.want(between(3.5, 4.5), alert('alertname', 'test1').active(1), alert('alertname', 'test2').active(1));
    await at.run();
  });
});
