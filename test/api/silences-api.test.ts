// POST/GET/DELETE silences against Klaxon on a private Redis. Expected answers: Alertmanager
// 0.25 as observed, or the newer surface where reference section 0 says it changed
// ("invalid silence:" prefix from 0.28, 404 on DELETE of an unknown id from 0.26, annotations from 0.32).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type Redis from 'ioredis';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { GettableSilence, iso, postJson, request, silenceBody } from './support/api-client';
import { ROUTING_CONFIG } from './support/configs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('API v2 silences', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let klaxon: KlaxonProcess;
  let api: string;

  before(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    klaxon = await KlaxonProcess.start({ config: ROUTING_CONFIG, redisUrl: redisServer.url });
    api = `${klaxon.baseUrl}/api/v2`;
  });

  after(async () => {
    await klaxon?.cleanup();
    redis?.disconnect();
    await redisServer?.stop();
  });

  const create = async (body: Record<string, unknown>) => {
    const res = await postJson(`${api}/silences`, body);
    assert.equal(res.status, 200, res.text);
    return (res.json as { silenceID: string }).silenceID;
  };
  const getSilence = async (id: string) => {
    const res = await request(`${api}/silence/${id}`);
    assert.equal(res.status, 200, res.text);
    return res.json as GettableSilence;
  };

  test('create: 200 {silenceID} (a v4 UUID), startsAt in the past moved to now, state active; version incremented', async () => {
    const versionBefore = Number((await redis.get('klaxon:silences:version')) ?? 0);
    const t = Date.now();
    const id = await create(silenceBody([['alertname', 'Create']], { startsAt: iso(t - 600_000), annotations: { ticket: 'T-1' } }));
    assert.match(id, UUID);
    const s = await getSilence(id);
    assert.equal(s.status.state, 'active');
    assert.ok(Date.parse(s.startsAt) >= t - 5, `startsAt ${s.startsAt} clamped to now`);
    assert.deepEqual(s.matchers, [{ isEqual: true, isRegex: false, name: 'alertname', value: 'Create' }]);
    assert.deepEqual(s.annotations, { ticket: 'T-1' }, 'annotations round-trip (0.32+)');
    assert.equal(Number(await redis.get('klaxon:silences:version')), versionBefore + 1);
    assert.ok(await redis.hget('klaxon:silences', id));
  });

  test('update in place: same matchers and startsAt, new endsAt keeps the id (reference 3.9)', async () => {
    const id = await create(silenceBody([['alertname', 'InPlace']]));
    const s = await getSilence(id);
    const newEnd = iso(Date.now() + 7_200_000);
    const again = await create({ ...silenceBody([['alertname', 'InPlace']]), id, startsAt: s.startsAt, endsAt: newEnd, comment: 'longer' });
    assert.equal(again, id);
    const updated = await getSilence(id);
    assert.equal(updated.endsAt, newEnd);
    assert.equal(updated.comment, 'longer');
  });

  test('changing the matchers creates a new id and expires the old silence (observed 0.25)', async () => {
    const id = await create(silenceBody([['alertname', 'Replace']]));
    const t = Date.now();
    const replacement = await create({ ...silenceBody([['alertname', 'Replaced']]), id });
    assert.notEqual(replacement, id);
    const old = await getSilence(id);
    assert.equal(old.status.state, 'expired');
    assert.ok(Math.abs(Date.parse(old.endsAt) - t) < 2_000, 'the old silence ended now');
    assert.equal((await getSilence(replacement)).status.state, 'active');
  });

  test('a pending silence moved to a later start keeps its id', async () => {
    const t = Date.now();
    const id = await create(silenceBody([['alertname', 'Pending']], { startsAt: iso(t + 3_600_000), endsAt: iso(t + 7_200_000) }));
    assert.equal((await getSilence(id)).status.state, 'pending');
    const again = await create({ ...silenceBody([['alertname', 'Pending']]), id, startsAt: iso(t + 1_800_000), endsAt: iso(t + 7_200_000) });
    assert.equal(again, id);
  });

  test('an unknown id: 404 "silence not found" (amtool silence import relies on it)', async () => {
    const res = await postJson(`${api}/silences`, { ...silenceBody([['a', 'b']]), id: '12345678-1234-1234-1234-123456789012' });
    assert.equal(res.status, 404);
    assert.equal(res.json, 'silence not found');
  });

  test('validation errors as JSON strings (0.25 texts; "invalid silence:" prefix and matcher-set wording of 0.28+)', async () => {
    const t = Date.now();
    const cases: [Record<string, unknown>, string][] = [
      [silenceBody([['a', '']]), 'invalid silence: matcher set 0: at least one matcher must not match the empty string'],
      [silenceBody([['a', '.*', true]]), 'invalid silence: matcher set 0: at least one matcher must not match the empty string'],
      [silenceBody([['a', '(', true]]), 'invalid silence: invalid label matcher 0 in set 0: invalid regular expression "(": error parsing regexp: missing closing ): `(`'],
      [silenceBody([['a', 'b']], { startsAt: iso(t + 60_000), endsAt: iso(t) }), 'Failed to create silence: start time must be before end time'],
      [silenceBody([['a', 'b']], { startsAt: iso(t - 7_200_000), endsAt: iso(t - 3_600_000) }), "Failed to create silence: end time can't be in the past"],
    ];
    const versionBefore = await redis.get('klaxon:silences:version');
    for (const [body, message] of cases) {
      const res = await postJson(`${api}/silences`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.json, message);
    }
    assert.equal(await redis.get('klaxon:silences:version'), versionBefore, 'rejected silences change nothing');
  });

  test('schema errors: 422 {code,message}, first error only, empty strings allowed (as 0.25)', async () => {
    const base = silenceBody([['a', 'b']]);
    const cases: [unknown, number, string][] = [
      [{ ...base, matchers: [] }, 612, 'matchers in body should have at least 1 items'],
      [{ ...base, matchers: [{ name: 'a', value: 'b' }] }, 602, 'matchers.0.isRegex in body is required'],
      [{ ...base, startsAt: undefined }, 602, 'startsAt in body is required'],
      [{ ...base, createdBy: undefined }, 602, 'createdBy in body is required'],
      [{ ...base, comment: undefined, endsAt: undefined }, 602, 'comment in body is required'],
    ];
    for (const [body, code, message] of cases) {
      const res = await postJson(`${api}/silences`, body);
      assert.equal(res.status, 422, message);
      assert.deepEqual(res.json, { code, message });
    }
    const emptyComment = await postJson(`${api}/silences`, { ...base, comment: '' });
    assert.equal(emptyComment.status, 200, '0.25 accepts an empty comment');
    const notJson = await postJson(`${api}/silences`, '{bad');
    assert.equal(notJson.status, 400);
    assert.match((notJson.json as { message: string }).message, /^parsing silence body from "" failed, because /);
    const empty = await postJson(`${api}/silences`, '');
    assert.deepEqual([empty.status, empty.json], [422, { code: 602, message: 'silence in body is required' }]);
  });

  test('GET and DELETE /silence/{id}: 422 for a non-UUID, 404 (empty body) unknown, DELETE idempotent with an empty 200', async () => {
    const bad = await request(`${api}/silence/xyz`);
    assert.deepEqual([bad.status, bad.json], [422, { code: 601, message: 'silenceID in path must be of type uuid: "xyz"' }]);
    const badDelete = await request(`${api}/silence/xyz`, { method: 'DELETE' });
    assert.equal(badDelete.status, 422);
    const unknown = '12345678-1234-1234-1234-123456789012';
    const missing = await request(`${api}/silence/${unknown}`);
    assert.deepEqual([missing.status, missing.text], [404, '']);
    const missingDelete = await request(`${api}/silence/${unknown}`, { method: 'DELETE' });
    assert.equal(missingDelete.status, 404, '404 from 0.26 (0.25 answered 500)');

    const id = await create(silenceBody([['alertname', 'Expire']]));
    for (let i = 0; i < 2; i++) {
      const res = await request(`${api}/silence/${id}`, { method: 'DELETE' });
      assert.deepEqual([res.status, res.text], [200, '']);
    }
    assert.equal((await getSilence(id)).status.state, 'expired');
  });

  test('GET /silences: filter is exact matcher equality; sorted active (endsAt asc), pending (startsAt asc), expired (endsAt desc)', async () => {
    const t = Date.now();
    const body = (end: number, start = t) => silenceBody([['sort', 'yes'], ['k', 'v']], { startsAt: iso(start), endsAt: iso(end) });
    const activeLate = await create(body(t + 7_200_000));
    const activeEarly = await create(body(t + 3_600_000));
    const pendingLate = await create(body(t + 9_000_000, t + 5_400_000));
    const pendingEarly = await create(body(t + 9_000_000, t + 1_800_000));
    const expiredFirst = await create(body(t + 3_600_000));
    await request(`${api}/silence/${expiredFirst}`, { method: 'DELETE' });
    await new Promise((r) => setTimeout(r, 20));
    const expiredLast = await create(body(t + 3_600_000));
    await request(`${api}/silence/${expiredLast}`, { method: 'DELETE' });
    await create(silenceBody([['sort', 'yes', true]]));

    const res = await request(`${api}/silences?filter=sort%3Dyes&filter=k%3Dv`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const ids = (res.json as GettableSilence[]).map((s) => s.id);
    assert.deepEqual(ids, [activeEarly, activeLate, pendingEarly, pendingLate, expiredLast, expiredFirst]);

    const regexOnly = await request(`${api}/silences?filter=sort%3D~yes`);
    assert.equal((regexOnly.json as GettableSilence[]).length, 1, 'sort=~yes only finds the silence with that exact matcher');
    const noExpired = await request(`${api}/silences?filter=sort%3Dyes&filter=k%3Dv&expired=false`);
    assert.deepEqual((noExpired.json as GettableSilence[]).map((s) => s.id), ids.slice(0, 4), 'expired=false (0.34)');
    const bad = await request(`${api}/silences?filter=%7Ba%3Db%7D`);
    assert.deepEqual([bad.status, bad.json], [400, 'unexpected open or close brace: {a=b}']);
  });
});

describe('API v2 silence limits, retention and garbage collection', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let klaxon: KlaxonProcess;
  let api: string;

  before(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    klaxon = await KlaxonProcess.start({
      config: ROUTING_CONFIG,
      redisUrl: redisServer.url,
      args: ['--silences.max-silences=2', '--silences.max-silence-size-bytes=400', '--data.retention=1s', '--alerts.gc-interval=300ms'],
    });
    api = `${klaxon.baseUrl}/api/v2`;
  });

  after(async () => {
    await klaxon?.cleanup();
    redis?.disconnect();
    await redisServer?.stop();
  });

  test('--silences.max-silence-size-bytes and --silences.max-silences: 400 with Alertmanager wording; expired silences count', async () => {
    const big = await postJson(`${api}/silences`, silenceBody([['alertname', 'x'.repeat(500)]]));
    assert.equal(big.status, 400);
    assert.match(big.json as string, /^silence exceeded maximum size: \d+ bytes \(limit: 400 bytes\)$/);

    const first = await postJson(`${api}/silences`, silenceBody([['alertname', 'One']]));
    const second = await postJson(`${api}/silences`, silenceBody([['alertname', 'Two']]));
    assert.deepEqual([first.status, second.status], [200, 200]);
    const firstId = (first.json as { silenceID: string }).silenceID;
    await request(`${api}/silence/${firstId}`, { method: 'DELETE' });
    const third = await postJson(`${api}/silences`, silenceBody([['alertname', 'Three']]));
    assert.deepEqual([third.status, third.json], [400, 'exceeded maximum number of silences: 2 (limit: 2)']);
    assert.equal(await redis.hlen('klaxon:silences'), 2);

    // After --data.retention the expired silence is collected and frees its slot.
    const deadline = Date.now() + 5_000;
    while ((await redis.hget('klaxon:silences', firstId)) !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await redis.hget('klaxon:silences', firstId), null, 'collected after endsAt + retention');
    const gone = await request(`${api}/silence/${firstId}`);
    assert.equal(gone.status, 404);
    const fourth = await postJson(`${api}/silences`, silenceBody([['alertname', 'Four']]));
    assert.equal(fourth.status, 200);
  });

  test('--alerts.gc-interval deletes resolved alerts from klaxon:alerts and keeps firing ones', async () => {
    const t = Date.now();
    const res = await postJson(`${api}/alerts`, [
      { labels: { alertname: 'Gone' }, startsAt: iso(t - 60_000), endsAt: iso(t + 200) },
      { labels: { alertname: 'Stays' } },
    ]);
    assert.equal(res.status, 200);
    assert.equal(await redis.hlen('klaxon:alerts'), 2);
    const deadline = Date.now() + 5_000;
    while ((await redis.hlen('klaxon:alerts')) > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const left = Object.values(await redis.hgetall('klaxon:alerts')).map((v) => JSON.parse(v).labels.alertname);
    assert.deepEqual(left, ['Stays']);
  });
});
