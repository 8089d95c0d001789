// What a flush's commit writes for the deliveries its own process sends: the commit follows the
// sends by COMMIT_AFTER_SENDS_MS, records a delivery that ended by then itself (no fallback job,
// no in-flight marker), and commits a delayed fallback job for one still running, removed once
// that delivery is recorded. Klaxon runs in this process (Nest, real Redis, real HTTP API); only
// the webhook transport is swapped for one whose answer the test holds or gives at once, so which
// case happens does not depend on how busy the machine is.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { ReceiverConfig, WebhookConfig } from '../../libs/config/src';
import type { Notifier } from '../../libs/notify/src';
import { connectOrFail, createRedisClient } from '../../libs/redis/src/redis-connection';
import { INFLIGHT_KEY, NFLOG_KEY } from '../../libs/store/src/dispatch';
import { AppModule } from '../../apps/klaxon/src/app.module';
import { buildOptions } from '../../apps/klaxon/src/cli/klaxon-options';
import { parseFlags } from '../../apps/klaxon/src/cli/parse-flags';
import { ConfigStore } from '../../apps/klaxon/src/config/config-store';
import { NotifierRegistry } from '../../apps/klaxon/src/dispatcher/notifier-registry';
import { Logger } from '../../apps/klaxon/src/logging/logger';
import { KlaxonRuntime } from '../../apps/klaxon/src/runtime/klaxon-runtime';
import { postAlerts } from '../acceptance/harness/api-client';
import { eventually } from '../support/eventually';
import { TestRedisServer } from '../support/redis-server';
import { hookNflogEntry, hookRouteConfig } from './support/hook-route';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The webhook integration, answering each send when the test says. */
class AnsweredWebhook implements Notifier<WebhookConfig> {
  readonly integration = 'webhook';
  sends = 0;

  constructor(private readonly answer: () => Promise<void>) {}

  configs(receiver: ReceiverConfig): readonly WebhookConfig[] {
    return receiver.webhookConfigs;
  }

  sendResolved(config: WebhookConfig): boolean {
    return config.sendResolved;
  }

  async send(): Promise<void> {
    this.sends++;
    await this.answer();
  }
}

/** Klaxon (API and workers) in this process on its own Redis, with `webhook` as its only integration. */
class InProcessKlaxon {
  private constructor(
    private readonly redisServer: TestRedisServer,
    private readonly dir: string,
    private readonly runtime: KlaxonRuntime,
    readonly redis: Redis,
    private readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly queue: Queue,
    private readonly queueConnection: Redis,
  ) {}

  static async start(webhook: Notifier): Promise<InProcessKlaxon> {
    const redisServer = await TestRedisServer.start({ appendOnly: false });
    try {
      return await InProcessKlaxon.startOn(redisServer, webhook);
    } catch (err) {
      await redisServer.stop();
      throw err;
    }
  }

  private static async startOn(redisServer: TestRedisServer, webhook: Notifier): Promise<InProcessKlaxon> {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-flush-commit-'));
    const configFile = join(dir, 'alertmanager.yml');
    writeFileSync(configFile, hookRouteConfig('http://127.0.0.1:9/unused'));
    const options = buildOptions(parseFlags([`--config.file=${configFile}`, `--storage.path=${dir}`, '--web.listen-address=127.0.0.1:0', `--redis.url=${redisServer.url}`]), {});
    const logger = new Logger('error');
    const client = createRedisClient(redisServer.url, 'command', 'api');
    await connectOrFail(client, redisServer.url);
    const runtime = new KlaxonRuntime(options, logger, client, redisServer.url);
    const registry: Pick<NotifierRegistry, 'all' | 'get'> = { all: [webhook], get: (integration) => (integration === webhook.integration ? webhook : undefined) };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRuntime(runtime, new ConfigStore(configFile, logger))] })
      .overrideProvider(NotifierRegistry)
      .useValue(registry)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const queueConnection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const queue = new Queue('notify-webhook', { connection: queueConnection, prefix: 'klaxon:queue' });
    return new InProcessKlaxon(redisServer, dir, runtime, redisServer.client(), app, baseUrl, queue, queueConnection);
  }

  nflogEntry(alertname: string): Promise<{ jobId?: string } | undefined> {
    return hookNflogEntry(this.redis, alertname);
  }

  /** Every key of Klaxon's written from now on, in order (Redis keyspace events). */
  async watchWrites(): Promise<{ written: string[]; stop(): void }> {
    await this.redis.config('SET', 'notify-keyspace-events', 'Khz');
    const events = this.redis.duplicate();
    const written: string[] = [];
    events.on('pmessage', (_pattern: string, channel: string) => written.push(channel.replace('__keyspace@0__:', '')));
    await events.psubscribe('__keyspace@0__:klaxon:*');
    return { written, stop: () => events.disconnect() };
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.runtime.redis.disconnect();
    await this.queue.close();
    this.queueConnection.disconnect();
    this.redis.disconnect();
    await this.redisServer.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A fallback job (delayed or waiting) or its hash. */
const FALLBACK_JOB_KEY = /^klaxon:queue:notify-webhook:(delayed|wait|d[0-9a-f]{40})$/;

describe('the commit of a flush that sends its deliveries itself', { concurrency: true }, () => {
  it('records a delivery that ended before it in the commit itself: no fallback job, no in-flight marker', async () => {
    const webhook = new AnsweredWebhook(async () => {});
    const klaxon = await InProcessKlaxon.start(webhook);
    const writes = await klaxon.watchWrites();
    try {
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'EndedFirst' } }]);
      await eventually('the nflog entry', () => klaxon.nflogEntry('EndedFirst'), 10_000, 20);
      await sleep(300);
      assert.equal(webhook.sends, 1);
      assert.match((await klaxon.nflogEntry('EndedFirst'))!.jobId ?? '', /^d[0-9a-f]{40}$/);
      assert.equal(writes.written.filter((key) => key === NFLOG_KEY).length, 1, 'the nflog is written once, by the commit');
      assert.deepEqual(writes.written.filter((key) => FALLBACK_JOB_KEY.test(key) || key === INFLIGHT_KEY), []);
    } finally {
      writes.stop();
      await klaxon.stop();
    }
  });

  it('commits a fallback job and an in-flight marker for a delivery still running, and removes both once it is recorded', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const webhook = new AnsweredWebhook(() => answered);
    const klaxon = await InProcessKlaxon.start(webhook);
    try {
      await postAlerts(klaxon.baseUrl, [{ labels: { alertname: 'StillRunning' } }]);
      await eventually('the fallback job', async () => ((await klaxon.queue.getDelayedCount()) === 1 || undefined), 10_000, 20);
      assert.equal(webhook.sends, 1);
      assert.equal(await klaxon.redis.hlen(INFLIGHT_KEY), 1, 'the in-flight marker');
      assert.equal(await klaxon.nflogEntry('StillRunning'), undefined, 'not recorded while it runs');
      const [fallback] = await klaxon.queue.getDelayed();
      answer();
      await eventually('the nflog entry', () => klaxon.nflogEntry('StillRunning'), 5_000, 20);
      assert.equal((await klaxon.nflogEntry('StillRunning'))!.jobId, fallback.id);
      await eventually('the fallback job to be removed', async () => ((await klaxon.queue.getJobState(fallback.id!)) === 'unknown' || undefined), 5_000, 20);
      assert.equal(await klaxon.redis.hlen(INFLIGHT_KEY), 0);
      assert.equal(webhook.sends, 1, 'the fallback job never ran');
    } finally {
      answer();
      await klaxon.stop();
    }
  });
});
