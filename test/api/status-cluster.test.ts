// /status, /receivers, /api/v1, swagger.json, route prefixes, and state shared through Redis:
// two Klaxon processes on one Redis, and a SIGKILLed Klaxon restarted.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { GettableAlert, postJson, request, silenceBody, waitFor } from './support/api-client';
import { ROUTING_CONFIG, ROUTING_CONFIG_WITH_WEBHOOK } from './support/configs';

interface Status {
  cluster: { name: string; status: string; peers: { name: string; address: string }[] };
  config: { original: string };
  uptime: string;
  versionInfo: Record<string, string>;
}

describe('two Klaxon processes on one Redis', () => {
  let redisServer: TestRedisServer;
  let a: KlaxonProcess;
  let b: KlaxonProcess;

  before(async () => {
    redisServer = await TestRedisServer.start();
    [a, b] = await Promise.all([
      KlaxonProcess.start({ config: ROUTING_CONFIG_WITH_WEBHOOK, redisUrl: redisServer.url }),
      KlaxonProcess.start({ config: ROUTING_CONFIG_WITH_WEBHOOK, redisUrl: redisServer.url }),
    ]);
  });

  after(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await redisServer?.stop();
  });

  test('/status: ready, both processes as peers with their addresses, semver version, config with secrets hidden', async () => {
    const status = await waitFor(async () => {
      const s = (await request(`${a.baseUrl}/api/v2/status`)).json as Status;
      return s.cluster.peers.length === 2 ? s : undefined;
    }, 8_000);
    assert.equal(status.cluster.status, 'ready');
    assert.deepEqual(status.cluster.peers.map((p) => p.address).sort(), [a.address, b.address].sort());
    assert.ok(status.cluster.peers.some((p) => p.name === status.cluster.name), 'this process is one of the peers');
    assert.match(status.versionInfo.version, /^\d+\.\d+\.\d+/);
    assert.ok(!Number.isNaN(Date.parse(status.uptime)));
    assert.match(status.config.original, /auth_password: <secret>/);
    assert.match(status.config.original, /\n {8}password: <secret>/);
    assert.match(status.config.original, /\n {4}url: <secret>\n/, 'the webhook URL, a secret since Alertmanager 0.26');
    for (const secret of ['secretpw', 'hookpw', 'url-token']) assert.ok(!status.config.original.includes(secret), secret);
    assert.match(status.config.original, /resolve_timeout: 5m/);
  });

  test('an alert posted to one and a silence created on the other: both give the same answers', async () => {
    assert.equal((await postJson(`${a.baseUrl}/api/v2/alerts`, [{ labels: { alertname: 'Shared', instance: 'x' } }])).status, 200);
    const sil = await postJson(`${b.baseUrl}/api/v2/silences`, silenceBody([['alertname', 'Shared']]));
    const silenceId = (sil.json as { silenceID: string }).silenceID;
    const fromA = (await request(`${a.baseUrl}/api/v2/alerts`)).json as GettableAlert[];
    const fromB = (await request(`${b.baseUrl}/api/v2/alerts`)).json as GettableAlert[];
    assert.deepEqual(fromA, fromB);
    assert.deepEqual(fromA.find((x) => x.labels.alertname === 'Shared')?.status.silencedBy, [silenceId]);
    const silencesA = (await request(`${a.baseUrl}/api/v2/silences`)).json;
    const silencesB = (await request(`${b.baseUrl}/api/v2/silences`)).json;
    assert.deepEqual(silencesA, silencesB);
  });
});

describe('a SIGKILLed Klaxon on its embedded Redis, restarted', () => {
  let k: KlaxonProcess;
  after(async () => {
    await k?.cleanup();
  });

  test('still has every alert and silence it acknowledged', async () => {
    k = await KlaxonProcess.start({ config: ROUTING_CONFIG });
    const api = () => `${k.baseUrl}/api/v2`;
    const alerts = Array.from({ length: 50 }, (_, i) => ({ labels: { alertname: 'Durable', i: String(i) } }));
    assert.equal((await postJson(`${api()}/alerts`, alerts)).status, 200);
    const sil = await postJson(`${api()}/silences`, silenceBody([['alertname', 'Durable']]));
    assert.equal(sil.status, 200);
    const silenceId = (sil.json as { silenceID: string }).silenceID;
    await k.stop('SIGKILL');
    await k.start();
    const after = (await request(`${api()}/alerts?silenced=true`)).json as GettableAlert[];
    assert.equal(after.filter((a) => a.labels.alertname === 'Durable').length, 50);
    assert.ok(after.every((a) => a.labels.alertname !== 'Durable' || a.status.silencedBy[0] === silenceId));
    assert.equal((await request(`${api()}/silence/${silenceId}`)).status, 200);
  });
});

describe('receivers, v1, swagger and route prefixes', () => {
  let redisServer: TestRedisServer;
  let plain: KlaxonProcess;
  let prefixed: KlaxonProcess;
  let external: KlaxonProcess;

  before(async () => {
    redisServer = await TestRedisServer.start();
    [plain, prefixed, external] = await Promise.all([
      KlaxonProcess.start({ config: ROUTING_CONFIG, redisUrl: redisServer.url }),
      KlaxonProcess.start({ config: ROUTING_CONFIG, redisUrl: redisServer.url, args: ['--web.route-prefix=/foo'] }),
      KlaxonProcess.start({ config: ROUTING_CONFIG, redisUrl: redisServer.url, args: ['--web.external-url=http://am.example:9093/bar/'] }),
    ]);
  });

  after(async () => {
    for (const k of [plain, prefixed, external]) await k?.cleanup();
    await redisServer?.stop();
  });

  test('/receivers lists every configured receiver with its labels (0.33+), in config order', async () => {
    const res = await request(`${plain.baseUrl}/api/v2/receivers`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, [
      { labels: { name: 'team-x.y' }, name: 'team-x.y' },
      { labels: { name: 'crit' }, name: 'crit' },
      { labels: { name: 'other' }, name: 'other' },
    ]);
  });

  test('/api/v1/* answers 410 with the message of 0.27+', async () => {
    for (const path of ['alerts', 'silences', 'status', 'receivers', 'silence/abc']) {
      const res = await request(`${plain.baseUrl}/api/v1/${path}`);
      assert.equal(res.status, 410, path);
      assert.deepEqual(res.json, {
        status: 'deprecated',
        error: 'The Alertmanager v1 API was deprecated in version 0.16.0 and is removed as of version 0.27.0 - please use the equivalent route in the v2 API',
      });
    }
  });

  test('/api/v2/swagger.json describes every served path', async () => {
    const res = await request(`${prefixed.baseUrl}/foo/api/v2/swagger.json`);
    assert.equal(res.status, 200);
    const spec = res.json as { swagger: string; basePath: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(spec.swagger, '2.0');
    assert.equal(spec.basePath, '/foo/api/v2/');
    const served = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    assert.deepEqual(served.sort(), [
      'DELETE /silence/{silenceID}', 'GET /alerts', 'GET /alerts/groups', 'GET /receivers', 'GET /silence/{silenceID}',
      'GET /silences', 'GET /status', 'POST /alerts', 'POST /silences',
    ]);
  });

  test('--web.route-prefix and --web.external-url move the API; GET / redirects to the prefix (as Alertmanager)', async () => {
    assert.equal((await request(`${prefixed.baseUrl}/foo/api/v2/status`)).status, 200);
    assert.equal((await request(`${prefixed.baseUrl}/api/v2/status`)).status, 404);
    const redirect = await fetch(`${prefixed.baseUrl}/`, { redirect: 'manual' });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), '/foo');
    const viaExternal = await request(`${external.baseUrl}/bar/api/v2/alerts`);
    assert.equal(viaExternal.status, 200);
    assert.equal(viaExternal.headers.get('cache-control'), 'no-store');
  });
});
