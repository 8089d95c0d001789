// The ReceiversModule over HTTP (Nest on Fastify, real Redis): POST /api/klaxon/v1/receivers/{name}/test
// sends through every integration with the configured templates; GET /api/klaxon/v1/notifications lists
// what was sent. Receivers are a local PagerDuty/OpsGenie/webhook server and a real SMTP server.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type Redis from 'ioredis';
import type { KlaxonOptions } from '../../apps/klaxon/src/cli/klaxon-options';
import { ConfigStore } from '../../apps/klaxon/src/config/config-store';
import { Logger } from '../../apps/klaxon/src/logging/logger';
import { ReceiversModule } from '../../apps/klaxon/src/receivers/receivers.module';
import { KlaxonRuntime } from '../../apps/klaxon/src/runtime/klaxon-runtime';
import { TestRedisServer } from '../support/redis-server';
import { FakeReceiverApi } from './support/fake-receiver-api';
import { parseMail } from './support/mime-message';
import { SmtpTestServer } from './support/smtp-test-server';

describe('receivers API', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let api: FakeReceiverApi;
  let smtp: SmtpTestServer;
  let app: NestFastifyApplication;
  let base: string;

  before(async () => {
    redisServer = await TestRedisServer.start({ appendOnly: false });
    redis = redisServer.client();
    api = await FakeReceiverApi.start();
    smtp = await SmtpTestServer.start({ auth: { methods: ['PLAIN'], user: 'u', password: 'smtp-pa55' } });
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-receivers-api-'));
    writeFileSync(join(dir, 'custom.tmpl'), '{{ define "pagerduty.default.description" }}custom {{ .CommonLabels.alertname }}{{ end }}');
    writeFileSync(
      join(dir, 'alertmanager.yml'),
      `templates: ['${dir}/*.tmpl']
route: {receiver: team}
receivers:
- name: team
  pagerduty_configs: [{routing_key: pd-routing-secret, url: '${api.base}/v2/enqueue'}]
  opsgenie_configs: [{api_key: og-api-secret, api_url: '${api.base}/og/'}]
  webhook_configs: [{url: '${api.base}/hook'}]
  email_configs: [{to: ops@example.org, from: klaxon@example.org, smarthost: '${smtp.smarthost}', require_tls: false, auth_username: u, auth_password: smtp-pa55}]
- name: broken
  pagerduty_configs: [{routing_key: pd-routing-secret, url: '${api.base}/broken/v2/enqueue'}]
`,
    );
    const logger = new Logger('error');
    const runtime = new KlaxonRuntime({ externalUrl: 'http://klaxon.example:9093', routePrefix: '/' } as KlaxonOptions, logger, redis, redisServer.url);
    const configStore = new ConfigStore(join(dir, 'alertmanager.yml'), logger);
    @Global()
    @Module({ providers: [{ provide: KlaxonRuntime, useValue: runtime }, { provide: ConfigStore, useValue: configStore }], exports: [KlaxonRuntime, ConfigStore] })
    class CoreModule {}
    @Module({ imports: [CoreModule, ReceiversModule] })
    class TestAppModule {}
    app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  after(async () => {
    await app.close();
    await api.close();
    await smtp.close();
    redis.disconnect();
    await redisServer.stop();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const page = async (url: string): Promise<any> => (await fetch(url)).json();
  const testReceiver = async (name: string) => {
    const res = await fetch(`${base}/api/klaxon/v1/receivers/${encodeURIComponent(name)}/test`, { method: 'POST' });
    return { status: res.status, text: await res.text() };
  };

  it('sends a marked test notification through every integration, with the configured templates', async () => {
    const res = await testReceiver('team');
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text);
    assert.equal(body.receiver, 'team');
    assert.deepEqual(
      body.results.map((r: { integration: string; index: number; outcome: string }) => `${r.integration}[${r.index}] ${r.outcome}`).sort(),
      ['email[0] delivered', 'opsgenie[0] delivered', 'pagerduty[0] delivered', 'webhook[0] delivered'],
    );
    const pd = JSON.parse(api.requests.find((r) => r.url === '/v2/enqueue')!.body);
    assert.equal(pd.payload.summary, 'custom KlaxonReceiverTest', 'the templates: file was used');
    // Label values go through YAML like Alertmanager ≥0.30's details: "true" arrives as a boolean.
    assert.equal(pd.payload.custom_details.firing[0].labels.klaxon_test, true);
    const og = JSON.parse(api.requests.find((r) => r.url === '/og/v2/alerts')!.body);
    assert.match(og.message, /KlaxonReceiverTest/);
    const hook = JSON.parse(api.requests.find((r) => r.url === '/hook')!.body);
    assert.equal(hook.alerts[0].annotations.summary, 'Test notification from Klaxon for receiver "team"');
    const mail = parseMail(smtp.mails.at(-1)!.raw);
    assert.match(mail.header('Subject')!, /^\[FIRING:1\] KlaxonReceiverTest/);
    assert.equal(smtp.mails.at(-1)!.user, 'u');
    assert.doesNotMatch(res.text, /secret|pa55/);
  });

  it("reports the receiver's error for an integration that fails", async () => {
    api.answerNext({ status: 400, body: '{"status":"invalid event","message":"Event object is invalid","errors":["bad"]}' });
    const res = await testReceiver('broken');
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.text).results.map((r: object) => ({ ...r, latencyMs: 0 })), [
      { integration: 'pagerduty', index: 0, outcome: 'failed', latencyMs: 0, error: 'unexpected status code 400: Event object is invalid: bad' },
    ]);
  });

  it('404 for a receiver that does not exist', async () => {
    const res = await testReceiver('nope');
    assert.equal(res.status, 404);
    assert.deepEqual(JSON.parse(res.text), { error: 'receiver "nope" does not exist' });
  });

  it('lists the deliveries newest first, filtered and paged, with no secret anywhere', async () => {
    const all = await page(`${base}/api/klaxon/v1/notifications`);
    assert.equal(all.notifications.length, 5);
    assert.equal(all.notifications[0].receiver, 'broken');
    assert.ok(all.notifications.every((n: { test: boolean; reason: string }) => n.test === true && n.reason === 'test'));
    const failed = await page(`${base}/api/klaxon/v1/notifications?outcome=failed`);
    assert.equal(failed.notifications.length, 1);
    assert.equal(failed.notifications[0].error, 'unexpected status code 400: Event object is invalid: bad');
    assert.deepEqual(failed.notifications[0].alerts.map((a: { status: string }) => a.status), ['firing']);
    const email = await page(`${base}/api/klaxon/v1/notifications?receiver=team&integration=email&group_label=alertname=KlaxonReceiverTest`);
    assert.equal(email.notifications.length, 1);
    const first = await page(`${base}/api/klaxon/v1/notifications?limit=2`);
    const second = await page(`${base}/api/klaxon/v1/notifications?limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual([...first.notifications, ...second.notifications].map((n: { id: string }) => n.id), all.notifications.slice(0, 4).map((n: { id: string }) => n.id));
    const stored = JSON.stringify(await redis.xrange('klaxon:history:deliveries', '-', '+'));
    assert.doesNotMatch(stored + JSON.stringify(all), /secret|pa55/);
  });

  it('documents both endpoints in the OpenAPI document it serves', async () => {
    const doc = await page(`${base}/api/klaxon/v1/openapi.json`);
    assert.equal(doc.basePath, '/api/klaxon/v1');
    assert.deepEqual(Object.keys(doc.paths).sort(), ['/notifications', '/receivers/{name}/test']);
    const listed = await page(`${base}/api/klaxon/v1/notifications?limit=1`);
    assert.deepEqual(Object.keys(listed.notifications[0]).filter((k) => !(k in doc.definitions.notification.properties)), []);
  });

  it('rejects bad query parameters with 400', async () => {
    for (const q of ['limit=0', 'limit=5000', 'outcome=maybe', 'since=yesterday', 'group_label=novalue', 'cursor=abc']) {
      const res = await fetch(`${base}/api/klaxon/v1/notifications?${q}`);
      assert.equal(res.status, 400, q);
    }
  });
});
