import type { Logger } from '../logging/logger';
import type { RunningKlaxon } from './start-klaxon';
import { ConfigStore } from '../config/config-store';

/** SIGTERM/SIGINT: graceful stop (embedded Redis last). SIGHUP: reload the configuration. */
export function installSignalHandlers(running: RunningKlaxon, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('Received signal, exiting gracefully...', { signal });
    const force = setTimeout(() => {
      logger.error('Graceful shutdown timed out; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error('Error during shutdown', { err: (err as Error).message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    running.app
      .get(ConfigStore)
      .reload()
      .catch(() => {
        /* logged by the store; the running configuration stays */
      });
  });
}
