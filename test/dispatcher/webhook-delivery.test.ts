// Webhook delivery end to end (reference 3.11, 3.15): payload bytes and headers, max_alerts,
// authentication, TLS, retries on 5xx, permanent 4xx, and slow receivers not delaying others.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const PASSWORD = 's3cret-basic-password';
const TOKEN = 'bearer-token-never-logged';

function selfSignedCertificate(dir: string): { cert: string; key: string; certFile: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=klaxon-test', '-addext', 'subjectAltName=DNS:klaxon-test'], { stdio: 'ignore' });
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile };
}

/** An HTTPS webhook endpoint counting the notifications it gets. */
async function httpsReceiver(cert: string, key: string): Promise<{ url: string; bodies: string[]; close: () => Promise<void> }> {
  const bodies: string[] = [];
  const server = createServer({ cert, key }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    bodies,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe('webhook delivery', () => {
  let redis: TestRedisServer;
  let klaxon: KlaxonProcess;
  let dir: string;
  const receivers: Record<string, WebhookReceiver> = {};
  let secure: Awaited<ReturnType<typeof httpsReceiver>>;
  let flaky = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-webhook-test-'));
    const tls = selfSignedCertificate(dir);
    secure = await httpsReceiver(tls.cert, tls.key);
    receivers.payload = await WebhookReceiver.start();
    receivers.bearer = await WebhookReceiver.start();
    receivers.flaky = await WebhookReceiver.start(() => (++flaky <= 2 ? { status: 503 } : {}));
    receivers.rejecting = await WebhookReceiver.start(() => ({ status: 400 }));
    receivers.slow = await WebhookReceiver.start(() => ({ delayMs: 4_000 }));
    receivers.fast = await WebhookReceiver.start();
    const route = (alertname: string, receiver: string) => `
  - receiver: ${receiver}
    matchers: ['alertname="${alertname}"']`;
    redis = await TestRedisServer.start({ appendOnly: false });
    klaxon = await KlaxonProcess.start({
      redisUrl: redis.url,
      args: ['--web.external-url=http://am.example:9093'],
      config: `
route:
  receiver: fallback
  group_by: [alertname]
  group_wait: 500ms
  group_interval: 1m
  repeat_interval: 1h
  routes:
  - receiver: team-x.y
    matchers: ['severity=~"crit.*"']${route('Bearer', 'bearer')}${route('Flaky', 'flaky')}${route('Rejected', 'rejecting')}${route('Slow', 'slow')}${route('Fast', 'fast')}${route('Tls', 'tls')}
receivers:
- name: fallback
- name: team-x.y
  webhook_configs:
  - url: '${receivers.payload.url}'
    max_alerts: 1
    http_config:
      basic_auth: {username: user, password: ${PASSWORD}}
- name: bearer
  webhook_configs:
  - url: '${receivers.bearer.url}'
    http_config:
      authorization: {credentials: ${TOKEN}}
- name: flaky
  webhook_configs:
  - url: '${receivers.flaky.url}'
- name: rejecting
  webhook_configs:
  - url: '${receivers.rejecting.url}'
- name: slow
  webhook_configs:
  - url: '${receivers.slow.url}'
- name: fast
  webhook_configs:
  - url: '${receivers.fast.url}'
- name: tls
  webhook_configs:
  - url: '${secure.url}'
    http_config:
      tls_config: {ca_file: ${tls.certFile}, server_name: klaxon-test}
  - url: '${secure.url}'
    http_config:
      tls_config: {insecure_skip_verify: true}
  - url: '${secure.url}'
`,
    });
  });

  after(async () => {
    await klaxon?.cleanup();
    await redis?.stop();
    await Promise.all(Object.values(receivers).map((r) => r.close()));
    await secure?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts Alertmanager\'s version 4 body with its key order, headers, escaped receiver and max_alerts truncation', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    await postAlerts(klaxon.baseUrl, [
      { labels: { alertname: 'Test', severity: 'critical', instance: 'a' }, annotations: { summary: 'x' }, startsAt },
      { labels: { alertname: 'Test', severity: 'critical', instance: 'b' }, annotations: { summary: 'x' }, startsAt },
    ]);
    const [n] = await receivers.payload.waitFor(1, 5_000);
    assert.equal(n.headers['content-type'], 'application/json');
    assert.match(String(n.headers['user-agent']), /^Alertmanager\/\d+\.\d+\.\d+$/);
    assert.equal(n.headers.authorization, `Basic ${Buffer.from(`user:${PASSWORD}`).toString('base64')}`);
    assert.ok(n.raw.endsWith('}\n'));
    assert.deepEqual(Object.keys(n.body), [
      'receiver', 'status', 'alerts', 'notification_reason', 'groupLabels', 'commonLabels', 'commonAnnotations', 'routeLabels', 'externalURL', 'version', 'groupKey', 'truncatedAlerts',
    ]);
    assert.equal(n.body.receiver, 'team-x\\.y');
    assert.equal(n.body.groupKey, '{}/{severity=~"crit.*"}:{alertname="Test"}');
    assert.equal(n.body.version, '4');
    assert.equal(n.body.truncatedAlerts, 1);
    assert.equal(n.body.externalURL, 'http://am.example:9093');
    assert.deepEqual(n.body.groupLabels, { alertname: 'Test' });
    assert.equal(n.body.alerts.length, 1);
    // Sorted by instance: "a" is kept.
    assert.equal(n.body.alerts[0].labels.instance, 'a');
    assert.equal(n.body.alerts[0].endsAt, '0001-01-01T00:00:00Z');
    assert.deepEqual(Object.keys(n.body.alerts[0]), ['status', 'labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL', 'fingerprint']);
  });

  it('sends the authorization credentials with the default Bearer type', async () => {
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Bearer' } }]);
    const [n] = await receivers.bearer.waitFor(1, 5_000);
    assert.equal(n.headers.authorization, `Bearer ${TOKEN}`);
  });

  it('retries 5xx answers until the notification goes through, once', async () => {
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Flaky' } }]);
    await receivers.flaky.waitFor(1, 10_000);
    assert.equal(receivers.flaky.requests, 3);
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(receivers.flaky.notifications.length, 1);
  });

  it('does not retry a 4xx answer', async () => {
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Rejected' } }]);
    const deadline = Date.now() + 5_000;
    while (receivers.rejecting.requests === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 2_500));
    assert.equal(receivers.rejecting.requests, 1);
    assert.match(klaxon.logs, /Notify for alerts failed.*unexpected status code 400/);
  });

  it('does not let a slow receiver delay another receiver', async () => {
    const posted = Date.now();
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Slow' } }, { labels: { alertname: 'Fast' } }]);
    const [fast] = await receivers.fast.waitFor(1, 5_000);
    assert.ok(fast.receivedAt - posted < 2_000, `fast receiver waited ${fast.receivedAt - posted} ms`);
    assert.equal(receivers.slow.notifications.length, 0);
    await receivers.slow.waitFor(1, 10_000);
  });

  it('verifies TLS with ca_file and server_name, or skips verification when told, and fails otherwise', async () => {
    await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Tls' } }]);
    const deadline = Date.now() + 5_000;
    while (secure.bodies.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1_500));
    // Two of the three integrations get through; the one trusting only system CAs is refused.
    assert.equal(secure.bodies.length, 2);
  });

  it('never writes secrets to its logs', () => {
    assert.ok(!klaxon.logs.includes(PASSWORD));
    assert.ok(!klaxon.logs.includes(TOKEN));
  });
});
