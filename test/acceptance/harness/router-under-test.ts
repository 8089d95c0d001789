// The alert router a scenario runs against: Klaxon (default) or Alertmanager 0.25
// (ACCEPTANCE_TARGET=alertmanager), so every expectation can be shown to be Alertmanager's.
import { KlaxonProcess } from '../../support/klaxon-process';
import { TestRedisServer } from '../../support/redis-server';
import { AlertmanagerProcess } from '../../support/alertmanager-process';

export type TargetName = 'klaxon' | 'alertmanager';

export const ACCEPTANCE_TARGET: TargetName = process.env.ACCEPTANCE_TARGET === 'alertmanager' ? 'alertmanager' : 'klaxon';

export interface RouterUnderTest {
  readonly target: TargetName;
  readonly baseUrl: string;
  /** SIGHUP: reload the configuration file. */
  reload(): void;
  logs(): string;
  stop(): Promise<void>;
}

/** `logLevel`: debug unless said (benchmarks run both routers at their default, info). */
export async function startRouter(config: string, target: TargetName = ACCEPTANCE_TARGET, logLevel: 'debug' | 'info' = 'debug'): Promise<RouterUnderTest> {
  if (target === 'alertmanager') {
    const am = await AlertmanagerProcess.start(config, [], logLevel);
    return { target, baseUrl: am.baseUrl, reload: () => am.signal('SIGHUP'), logs: () => am.logs, stop: () => am.stop() };
  }
  const redis = await TestRedisServer.start({ appendOnly: false });
  try {
    const klaxon = await KlaxonProcess.start({ config, redisUrl: redis.url, logLevel });
    return {
      target,
      baseUrl: klaxon.baseUrl,
      reload: () => klaxon.signal('SIGHUP'),
      logs: () => klaxon.logs,
      async stop() {
        await klaxon.cleanup();
        await redis.stop();
      },
    };
  } catch (err) {
    await redis.stop();
    throw err;
  }
}
