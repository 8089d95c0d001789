// POST/GET /api/v2/alerts and /alerts/groups against one Klaxon on a private Redis.
// Expected answers are those of Alertmanager 0.25 (observed with the same requests), or of
// newer versions where reference section 0 says the surface changed (noted per test).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import type Redis from 'ioredis';
import { fingerprint } from '../../libs/core/src';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { GettableAlert, iso, postJson, request, silenceBody } from './support/api-client';
import { ROUTING_CONFIG } from './support/configs';

describe('API v2 alerts', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let klaxon: KlaxonProcess;
  let api: string;

  before(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    klaxon = await KlaxonProcess.start({ config: ROUTING_CONFIG, redisUrl: redisServer.url, args: ['--alerts.max-body-bytes=4096'] });
    api = `${klaxon.baseUrl}/api/v2`;
  });

  after(async () => {
    await klaxon?.cleanup();
    redis?.disconnect();
    await redisServer?.stop();
  });

  const stored = async () => Object.keys(await redis.hgetall('klaxon:alerts')).sort();
  const getAlerts = async (query = '') => {
    const res = await request(`${api}/alerts${query}`);
    assert.equal(res.status, 200, res.text);
    return res.json as GettableAlert[];
  };
  const byName = (alerts: GettableAlert[], name: string) => alerts.filter((a) => a.labels.alertname === name);

  test('a body that is not JSON: 400 in the parse-error format, nothing stored (as 0.25)', async () => {
    const before = await stored();
    const res = await postJson(`${api}/alerts`, '{bad');
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const body = res.json as { code: number; message: string };
    assert.equal(body.code, 400);
    assert.match(body.message, /^parsing alerts body from "" failed, because invalid character 'b'/);
    assert.deepEqual(await stored(), before);
  });

  test('a body that is not an array: 400 (0.25: cannot unmarshal object into models.PostableAlerts)', async () => {
    const res = await postJson(`${api}/alerts`, { labels: { alertname: 'NotArray' } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, {
      code: 400,
      message: 'parsing alerts body from "" failed, because json: cannot unmarshal object into Go value of type models.PostableAlerts',
    });
    assert.equal((await getAlerts()).filter((a) => a.labels.alertname === 'NotArray').length, 0);
  });

  test('a label value that is not a string: 400 (as 0.25), and an alert without labels: 422 code 602 (as 0.25)', async () => {
    const typed = await postJson(`${api}/alerts`, [{ labels: { a: 1 } }]);
    assert.equal(typed.status, 400);
    assert.deepEqual(typed.json, {
      code: 400,
      message: 'parsing alerts body from "" failed, because json: cannot unmarshal number into Go struct field Alert.labels of type string',
    });
    const missing = await postJson(`${api}/alerts`, [{ labels: { alertname: 'Fine' } }, { annotations: { a: 'b' } }]);
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json, { code: 602, message: '1.labels in body is required' });
    assert.equal(byName(await getAlerts(), 'Fine').length, 0, 'a schema error stores nothing');
  });

  test('a body over --alerts.max-body-bytes: 413 {code,message}, nothing stored', async () => {
    const alerts = Array.from({ length: 100 }, (_, i) => ({ labels: { alertname: 'TooLarge', i: String(i) } }));
    const res = await postJson(`${api}/alerts`, alerts);
    assert.equal(res.status, 413);
    assert.deepEqual(res.json, { code: 413, message: 'request body is larger than the limit of 4096 bytes' });
    assert.equal(byName(await getAlerts(), 'TooLarge').length, 0);
  });

  test('best effort: valid alerts stored, 400 with every error joined (0.25 wording; label "a-b" is valid from 0.27)', async () => {
    const res = await postJson(`${api}/alerts`, [
      { labels: { alertname: 'BestEffort', 'a-b': 'x' } },
      { labels: {} },
      { labels: { alertname: 'BestEffort', ok: '1' } },
      { labels: { alertname: 'BestEffort', x: '1' }, startsAt: '2020-01-01T00:00:00Z', endsAt: '2019-01-01T00:00:00Z' },
      { labels: { alertname: '' } },
    ]);
    assert.equal(res.status, 400);
    assert.equal(res.json, 'at least one label pair required; start time must be before end time; at least one label pair required');
    const kept = byName(await getAlerts(), 'BestEffort').map((a) => a.labels);
    assert.deepEqual(kept.sort((a, b) => Object.keys(a).join().localeCompare(Object.keys(b).join())), [
      { alertname: 'BestEffort', 'a-b': 'x' },
      { alertname: 'BestEffort', ok: '1' },
    ]);
  });

  test('200 with an empty body; defaults: zero times unset, endsAt = now + resolve_timeout; empty labels dropped before fingerprinting', async () => {
    const t0 = Date.now();
    const res = await postJson(`${api}/alerts`, [
      { labels: { alertname: 'Defaults', empty: '', instance: 'i1' }, startsAt: '0001-01-01T00:00:00.000Z', endsAt: '0001-01-01T00:00:00.000Z' },
    ]);
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null, 'no Content-Type on the empty 200 (as 0.25)');
    const [alert] = byName(await getAlerts(), 'Defaults');
    assert.deepEqual(alert.labels, { alertname: 'Defaults', instance: 'i1' });
    assert.equal(alert.fingerprint, fingerprint({ alertname: 'Defaults', instance: 'i1' }));
    const raw = await redis.hget('klaxon:alerts', alert.fingerprint);
    assert.ok(raw, 'stored under the fingerprint of the labels without the empty one');
    const starts = Date.parse(alert.startsAt);
    assert.ok(starts >= t0 - 5 && starts <= Date.now() + 5, `startsAt ${alert.startsAt} is the time of the post`);
    assert.equal(Date.parse(alert.endsAt) - starts, 5 * 60_000, 'endsAt = startsAt + global.resolve_timeout');
    assert.equal(alert.annotations && typeof alert.annotations, 'object');
    assert.equal(alert.generatorURL, undefined, 'an empty generatorURL is omitted');
  });

  test('posted alerts are timed from when their request began to arrive, not from when it was handled', async () => {
    // Headers and half the body, then the rest 400 ms later: startsAt (and the group_wait that
    // runs from it) is the arrival, as a client sees it.
    const body = Buffer.from(JSON.stringify([{ labels: { alertname: 'SlowBody' } }]));
    const { port } = new URL(klaxon.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    const sentAt = Date.now();
    socket.write(`POST /api/v2/alerts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    socket.write(body.subarray(0, 10));
    await new Promise((r) => setTimeout(r, 400));
    socket.write(body.subarray(10));
    const answer = (await once(socket, 'data'))[0].toString();
    socket.destroy();
    assert.match(answer, /^HTTP\/1\.1 200 /);
    const [alert] = byName(await getAlerts(), 'SlowBody');
    const starts = Date.parse(alert.startsAt);
    assert.ok(starts >= sentAt - 5 && starts < sentAt + 200, `startsAt ${starts - sentAt} ms after the request began`);
  });

  test('every stored batch appends one klaxon:alert-events entry naming its fingerprints', async () => {
    const lastBefore = (await redis.xrevrange('klaxon:alert-events', '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const res = await postJson(`${api}/alerts`, [{ labels: { alertname: 'Events', i: '1' } }, { labels: { alertname: 'Events', i: '2' } }]);
    assert.equal(res.status, 200);
    const entries = await redis.xrange('klaxon:alert-events', `(${lastBefore}`, '+');
    assert.equal(entries.length, 1);
    const [, fields] = entries[0];
    assert.equal(fields[0], 'fps');
    const fps = byName(await getAlerts(), 'Events').map((a) => a.fingerprint).sort();
    assert.deepEqual(fields[1].split(',').sort(), fps);
  });

  test('a large POST is stored in slices of 64 alerts, each announced by an entry of its own', async () => {
    const lastBefore = (await redis.xrevrange('klaxon:alert-events', '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const res = await postJson(`${api}/alerts`, Array.from({ length: 65 }, (_, i) => ({ labels: { alertname: 'Sliced', i: String(i) } })));
    assert.equal(res.status, 200);
    const entries = await redis.xrange('klaxon:alert-events', `(${lastBefore}`, '+');
    assert.deepEqual(entries.map(([, fields]) => fields[1].split(',').length), [64, 1]);
    assert.equal(byName(await getAlerts(), 'Sliced').length, 65);
  });

  test('re-posting merges (reference 3.4): earliest startsAt kept, annotations from the latest post', async () => {
    const start = Date.now() - 60_000;
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Merge' }, annotations: { v: 'first' }, startsAt: iso(start) }]);
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Merge' }, annotations: { v: 'second' }, startsAt: iso(start + 30_000) }]);
    const [alert] = byName(await getAlerts(), 'Merge');
    assert.equal(alert.startsAt, iso(start));
    assert.deepEqual(alert.annotations, { v: 'second' });
  });

  test('a refreshed alert is listed with its new endsAt, updatedAt and annotations after being listed before', async () => {
    const start = Date.now() - 60_000;
    const firstEnd = Date.now() + 120_000;
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Refreshed' }, annotations: { v: 'first' }, startsAt: iso(start), endsAt: iso(firstEnd) }]);
    const [first] = byName(await getAlerts(), 'Refreshed');
    assert.equal(first.endsAt, iso(firstEnd));
    await new Promise((r) => setTimeout(r, 5));
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Refreshed' }, annotations: { v: 'second' }, startsAt: iso(start), endsAt: iso(firstEnd + 60_000) }]);
    const [second] = byName(await getAlerts(), 'Refreshed');
    assert.equal(second.endsAt, iso(firstEnd + 60_000));
    assert.deepEqual(second.annotations, { v: 'second' });
    assert.ok(Date.parse(second.updatedAt) > Date.parse(first.updatedAt), `${second.updatedAt} after ${first.updatedAt}`);
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Refreshed' }, annotations: { v: 'second' }, startsAt: iso(start), endsAt: iso(firstEnd + 90_000) }]);
    const [third] = byName(await getAlerts(), 'Refreshed');
    assert.equal(third.endsAt, iso(firstEnd + 90_000), 'only endsAt moved');
  });

  test('resolved alerts are never returned; re-activation after resolve starts afresh', async () => {
    const t = Date.now();
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Resolved' }, startsAt: iso(t - 120_000), endsAt: iso(t - 60_000) }]);
    assert.equal(byName(await getAlerts(), 'Resolved').length, 0);
    assert.equal(byName(await getAlerts('?active=true&silenced=true&inhibited=true'), 'Resolved').length, 0);
    await postJson(`${api}/alerts`, [{ labels: { alertname: 'Resolved' }, startsAt: iso(t - 1_000) }]);
    const [alert] = byName(await getAlerts(), 'Resolved');
    assert.equal(alert.startsAt, iso(t - 1_000), 'no overlap with the resolved one: not merged');
  });

  test('status, receivers and filters: inhibitedBy holds the source fingerprint, silencedBy the silence id (as 0.25; mutedBy from 0.28)', async () => {
    await postJson(`${api}/alerts`, [
      { labels: { alertname: 'Status', severity: 'critical', instance: 'a' }, generatorURL: 'http://prom/graph' },
      { labels: { alertname: 'Status', severity: 'warning', instance: 'b' } },
      { labels: { alertname: 'Status', team: 'a', instance: 'c' } },
    ]);
    let alerts = byName(await getAlerts(), 'Status');
    const crit = alerts.find((a) => a.labels.severity === 'critical')!;
    const warn = alerts.find((a) => a.labels.severity === 'warning')!;
    const team = alerts.find((a) => a.labels.team === 'a')!;
    assert.deepEqual(crit.receivers, [{ name: 'crit' }]);
    assert.equal(crit.generatorURL, 'http://prom/graph');
    assert.deepEqual(team.receivers, [{ name: 'other' }]);
    assert.deepEqual(warn.status, { inhibitedBy: [crit.fingerprint], mutedBy: [], silencedBy: [], state: 'suppressed' });
    assert.deepEqual(crit.status, { inhibitedBy: [], mutedBy: [], silencedBy: [], state: 'active' });

    const sil = await postJson(`${api}/silences`, silenceBody([['instance', 'c']]));
    assert.equal(sil.status, 200);
    const silenceId = (sil.json as { silenceID: string }).silenceID;
    alerts = byName(await getAlerts(), 'Status');
    assert.deepEqual(alerts.find((a) => a.labels.team === 'a')!.status, { inhibitedBy: [], mutedBy: [], silencedBy: [silenceId], state: 'suppressed' });

    const fps = (list: GettableAlert[]) => byName(list, 'Status').map((a) => a.fingerprint).sort();
    assert.deepEqual(fps(await getAlerts('?silenced=false')), [crit.fingerprint, warn.fingerprint].sort());
    assert.deepEqual(fps(await getAlerts('?inhibited=false')), [crit.fingerprint, team.fingerprint].sort());
    assert.deepEqual(fps(await getAlerts('?active=false')), [warn.fingerprint, team.fingerprint].sort());
    assert.deepEqual(fps(await getAlerts('?filter=alertname%3DStatus&filter=severity%3D~%22crit.%2A%22')), [crit.fingerprint]);
    assert.deepEqual(fps(await getAlerts('?receiver=oth.*')), [team.fingerprint]);
    assert.deepEqual(fps(await getAlerts('?receiver=oth')), [], 'the receiver regex is anchored');
    assert.deepEqual(fps(await getAlerts('?receiver_matchers=name%3Dcrit')), [crit.fingerprint], 'receiver_matchers on receiver labels (0.33+)');
    assert.deepEqual(fps(await getAlerts('?unprocessed=false')), fps(await getAlerts()), 'unprocessed is ignored (as every version)');
    assert.deepEqual(fps(await getAlerts('?filter=team%21%3D')), [team.fingerprint], 'team!="" passes when the label is present');
  });

  test('GET /alerts is sorted by fingerprint and carries Cache-Control: no-store and Vary: Origin (0.26+)', async () => {
    const res = await request(`${api}/alerts`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('vary'), 'Origin');
    assert.equal(res.headers.get('content-type'), 'application/json');
    const fps = (res.json as GettableAlert[]).map((a) => a.fingerprint);
    assert.ok(fps.length > 3);
    assert.deepEqual(fps, [...fps].sort());
  });

  test('bad filter and receiver parameters: 400 JSON strings (receiver text as 0.25)', async () => {
    const brace = await request(`${api}/alerts?filter=%7Ba%3Db%7D`);
    assert.equal(brace.status, 400);
    assert.equal(brace.json, 'unexpected open or close brace: {a=b}');
    const regex = await request(`${api}/alerts?receiver=(`);
    assert.equal(regex.status, 400);
    assert.equal(regex.json, 'failed to parse receiver param: error parsing regexp: missing closing ): `^(?:()$`');
    const groups = await request(`${api}/alerts/groups?filter=%7Ba%3Db%7D`);
    assert.equal(groups.status, 400);
  });

  test('GET /alerts/groups: one group per route and group labels, sorted by labels then receiver; alerts sorted by instance', async () => {
    await postJson(`${api}/alerts`, [
      { labels: { alertname: 'Grouped', instance: 'z', severity: 'critical' } },
      { labels: { alertname: 'Grouped', instance: 'b' } },
      { labels: { alertname: 'Grouped', instance: 'a' } },
    ]);
    const res = await request(`${api}/alerts/groups?filter=alertname%3DGrouped`);
    assert.equal(res.status, 200);
    const groups = res.json as { labels: Record<string, string>; receiver: { name: string }; alerts: GettableAlert[] }[];
    assert.deepEqual(
      groups.map((g) => [g.labels, g.receiver.name, g.alerts.map((a) => a.labels.instance)]),
      [
        [{ alertname: 'Grouped' }, 'team-x.y', ['a', 'b']],
        [{ alertname: 'Grouped', instance: 'z' }, 'crit', ['z']],
      ],
    );
    const onlyCrit = await request(`${api}/alerts/groups?filter=alertname%3DGrouped&receiver=crit`);
    assert.deepEqual((onlyCrit.json as { receiver: { name: string } }[]).map((g) => g.receiver.name), ['crit']);
  });

  test('UTF-8 label names are accepted and filterable on /alerts and /alerts/groups (0.27+ fallback mode, TestAddUTF8Alerts)', async () => {
    const res = await postJson(`${api}/alerts`, [{ labels: { alertname: 'Utf8', '00': 'b', 'Σ': 'c', '🙂': 'dΘ' } }]);
    assert.equal(res.status, 200, res.text);
    for (const filter of ['00=b', 'Σ=c', '"\\xf0\\x9f\\x99\\x82"=dΘ']) {
      const q = `?filter=${encodeURIComponent(filter)}`;
      const alerts = byName(await getAlerts(q), 'Utf8');
      assert.equal(alerts.length, 1, filter);
      const groups = (await request(`${api}/alerts/groups${q}`)).json as { alerts: GettableAlert[] }[];
      assert.equal(groups.flatMap((g) => g.alerts).filter((a) => a.labels.alertname === 'Utf8').length, 1, filter);
    }
    const silence = await postJson(`${api}/silences`, silenceBody([['fooΣ', 'bar🙂']]));
    assert.equal(silence.status, 200, silence.text);
    const found = await request(`${api}/silences?filter=${encodeURIComponent('fooΣ=bar🙂')}`);
    assert.deepEqual((found.json as { id: string }[]).map((s) => s.id), [(silence.json as { silenceID: string }).silenceID]);
  });

  test('unknown paths 404 and wrong methods 405 in the {code,message} format (as 0.25)', async () => {
    const missing = await request(`${api}/nope`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, { code: 404, message: 'path /api/v2/nope was not found' });
    assert.equal(missing.headers.get('cache-control'), 'no-store', 'API headers on router errors too (0.26+)');
    assert.equal(missing.headers.get('vary'), 'Origin');
    const wrong = await request(`${api}/alerts`, { method: 'PUT' });
    assert.equal(wrong.status, 405);
    assert.equal((wrong.json as { code: number }).code, 405);
    assert.match((wrong.json as { message: string }).message, /^method PUT is not allowed, but \[(GET,POST|POST,GET)\] are$/);
    assert.ok(wrong.headers.get('allow')?.includes('POST'));
  });

  test('while Redis is down POST /alerts answers 503, never 200; after it is back the alert is stored', async () => {
    await redisServer.kill();
    try {
      const res = await postJson(`${api}/alerts`, [{ labels: { alertname: 'DuringOutage' } }]);
      assert.equal(res.status, 503);
      assert.match(res.json as string, /^failed to store alerts: /);
      assert.match(klaxon.logs, /msg="API request failed".*url=\/api\/v2\/alerts status=503/);
    } finally {
      await redisServer.launch();
    }
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await postJson(`${api}/alerts`, [{ labels: { alertname: 'AfterOutage' } }])).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(status, 200);
    assert.equal(byName(await getAlerts(), 'AfterOutage').length, 1);
  });
});
