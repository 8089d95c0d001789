import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AlertRepository, SilenceRepository } from '../../../../../libs/store/src';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';

/**
 * Every `--alerts.gc-interval`: deletes resolved alerts, and silences whose `endsAt` is older
 * than `--data.retention`. Each deletion is conditional on the value read, so several
 * processes collecting at once, or a re-post racing the collection, lose nothing.
 */
@Injectable()
export class StoreGc implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly alerts: AlertRepository,
    private readonly silences: SilenceRepository,
    private readonly runtime: KlaxonRuntime,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.runtime.options.alertsGcIntervalMs;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.collect(Date.now()), interval);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async collect(now: number): Promise<void> {
    const log = this.runtime.logger.with({ component: 'gc' });
    try {
      const alerts = await this.alerts.deleteResolved(now);
      const silences = await this.silences.deleteEndedBefore(now - this.runtime.options.dataRetentionMs);
      log.debug('Garbage collection done', { alerts, silences });
    } catch (err) {
      log.warn('Garbage collection failed', { err: (err as Error).message });
    }
  }
}
