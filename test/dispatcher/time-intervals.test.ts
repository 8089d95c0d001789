// Active and mute time intervals (reference 2.6, 3.6): they mute the whole group, in the
// interval's IANA time zone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

/** A `times` range around the current hour in `zone` (two hours, clipped at 24:00). */
function hourRangeIn(zone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date()));
  const pad = (h: number) => String(h).padStart(2, '0');
  return `{start_time: "${pad(hour)}:00", end_time: "${pad(Math.min(hour + 2, 24))}:00"}`;
}

describe('time intervals', () => {
  let redis: TestRedisServer;
  let klaxon: KlaxonProcess;
  let muted: WebhookReceiver;
  let open: WebhookReceiver;

  before(async () => {
    muted = await WebhookReceiver.start();
    open = await WebhookReceiver.start();
    redis = await TestRedisServer.start({ appendOnly: false });
    const route = (alertname: string, receiver: string, extra: string) => `
  - receiver: ${receiver}
    matchers: ['alertname="${alertname}"']
    ${extra}`;
    klaxon = await KlaxonProcess.start({
      redisUrl: redis.url,
      config: `
route:
  receiver: open
  group_by: [alertname]
  group_wait: 300ms
  group_interval: 1s
  routes:${route('MutedNowInTokyo', 'muted', 'mute_time_intervals: [tokyo-now]')}${route('NotActiveIn2000', 'muted', 'active_time_intervals: [year-2000]')}${route('SameHoursInUtc', 'open', 'mute_time_intervals: [same-hours-utc]')}${route('ActiveNow', 'open', 'active_time_intervals: [tokyo-now]')}
time_intervals:
- name: tokyo-now
  time_intervals: [{times: [${hourRangeIn('Asia/Tokyo')}], location: Asia/Tokyo}]
- name: same-hours-utc
  time_intervals: [{times: [${hourRangeIn('Asia/Tokyo')}]}]
- name: year-2000
  time_intervals: [{years: ['2000']}]
receivers:
- name: muted
  webhook_configs: [{url: '${muted.url}'}]
- name: open
  webhook_configs: [{url: '${open.url}'}]
`,
    });
  });

  after(async () => {
    await klaxon?.cleanup();
    await redis?.stop();
    await muted?.close();
    await open?.close();
  });

  it('mutes routes inside a mute interval or outside all active intervals, in the interval\'s zone', async () => {
    await postAlerts(klaxon.baseUrl, ['MutedNowInTokyo', 'NotActiveIn2000', 'SameHoursInUtc', 'ActiveNow'].map((alertname) => ({ labels: { alertname } })));
    await open.waitFor(2, 5_000);
    await new Promise((r) => setTimeout(r, 2_000));
    assert.deepEqual(open.notifications.map((n) => n.body.groupLabels.alertname).sort(), ['ActiveNow', 'SameHoursInUtc']);
    assert.equal(muted.notifications.length, 0);
  });
});
