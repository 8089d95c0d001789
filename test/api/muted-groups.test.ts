// /alerts/groups and time intervals: mutedBy, the suppressed state and the `muted` parameter (0.28+).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';
import { GettableAlert, postJson, request } from './support/api-client';

const CONFIG = `
route:
  receiver: default
  group_by: [alertname]
  routes:
  - receiver: night
    matchers: ['team="night"']
    mute_time_intervals: [always]
  - receiver: weekend
    matchers: ['team="weekend"']
    active_time_intervals: [never]
receivers:
- name: default
- name: night
- name: weekend
time_intervals:
- name: always
  time_intervals:
  - times: [{start_time: "00:00", end_time: "24:00"}]
- name: never
  time_intervals:
  - years: ['1999']
`;

interface Group {
  labels: Record<string, string>;
  receiver: { name: string };
  alerts: GettableAlert[];
}

describe('alert groups muted by time intervals', () => {
  let klaxon: KlaxonProcess;
  let api: string;

  before(async () => {
    klaxon = await KlaxonProcess.start({ config: CONFIG });
    api = `${klaxon.baseUrl}/api/v2`;
    const res = await postJson(`${api}/alerts`, [
      { labels: { alertname: 'Muted', team: 'night' } },
      { labels: { alertname: 'Inactive', team: 'weekend' } },
      { labels: { alertname: 'Plain', team: 'day' } },
    ]);
    assert.equal(res.status, 200, res.text);
  });

  after(async () => {
    await klaxon?.cleanup();
  });

  const groups = async (query = '') => (await request(`${api}/alerts/groups${query}`)).json as Group[];

  test('a muting interval and an inactive active-interval put their names in mutedBy and suppress', async () => {
    const byReceiver = new Map((await groups()).map((g) => [g.receiver.name, g.alerts[0].status]));
    assert.deepEqual(byReceiver.get('night'), { inhibitedBy: [], mutedBy: ['always'], silencedBy: [], state: 'suppressed' });
    assert.deepEqual(byReceiver.get('weekend'), { inhibitedBy: [], mutedBy: ['never'], silencedBy: [], state: 'suppressed' });
    assert.deepEqual(byReceiver.get('default'), { inhibitedBy: [], mutedBy: [], silencedBy: [], state: 'active' });
  });

  test('muted=false drops the muted groups; active=false keeps only suppressed alerts', async () => {
    assert.deepEqual((await groups('?muted=false')).map((g) => g.receiver.name), ['default']);
    assert.deepEqual((await groups('?active=false')).map((g) => g.receiver.name).sort(), ['night', 'weekend']);
  });
});
