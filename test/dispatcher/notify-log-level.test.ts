// Which log level a delivery's outcome is logged at, as in Alertmanager: "Notify success" is a
// debug line (invisible at the default info level), a failed delivery an error line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postAlerts } from '../acceptance/harness/api-client';
import { WebhookReceiver } from '../acceptance/harness/webhook-receiver';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const config = (okUrl: string, rejectingUrl: string) => `
route:
  receiver: ok
  group_wait: 50ms
  routes:
  - receiver: rejecting
    matchers: ['alertname="Rejected"']
receivers:
- name: ok
  webhook_configs: [{url: '${okUrl}'}]
- name: rejecting
  webhook_configs: [{url: '${rejectingUrl}'}]
`;

for (const level of ['info', 'debug'] as const) {
  describe(`delivery outcomes logged at --log.level=${level}`, () => {
    let redis: TestRedisServer;
    let klaxon: KlaxonProcess;
    let ok: WebhookReceiver;
    let rejecting: WebhookReceiver;

    before(async () => {
      ok = await WebhookReceiver.start();
      rejecting = await WebhookReceiver.start(() => ({ status: 400 }));
      redis = await TestRedisServer.start();
      klaxon = await KlaxonProcess.start({ config: config(ok.url, rejecting.url), redisUrl: redis.url, logLevel: level });
    });

    after(async () => {
      await klaxon?.cleanup();
      await redis?.stop();
      await ok?.close();
      await rejecting?.close();
    });

    /** The first log line with every one of `parts`, waiting up to 5 s for it. */
    async function logLine(...parts: string[]): Promise<string | undefined> {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const line = klaxon.logs.split('\n').find((l) => parts.every((p) => l.includes(p)));
        if (line || Date.now() > deadline) return line;
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it(level === 'info' ? 'logs a failure but not a success' : 'logs both a success and a failure', async () => {
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'Delivered' } }, { labels: { alertname: 'Rejected' } }]);
      await ok.waitFor(1, 5_000);
      assert.match((await logLine('msg="Notify for alerts failed"', 'receiver=rejecting')) ?? '', /level=error/);
      if (level === 'debug') {
        assert.match((await logLine('msg="Notify success"', 'receiver=ok')) ?? '', /level=debug/);
      } else {
        // A success is logged a little after its commit (25 ms after the send): long past by then.
        await new Promise((r) => setTimeout(r, 500));
        assert.doesNotMatch(klaxon.logs, /Notify success/);
      }
    });
  });
}
