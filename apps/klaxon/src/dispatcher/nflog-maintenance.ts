// Drops notification log entries past their retention (`--data.maintenance-interval`).
import { Injectable } from '@nestjs/common';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DispatchRedis } from './dispatch-redis';

@Injectable()
export class NflogMaintenance {
  private timer?: NodeJS.Timeout;

  constructor(private readonly runtime: KlaxonRuntime, private readonly redis: DispatchRedis) {}

  start(): void {
    const every = this.runtime.options.maintenanceIntervalMs;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.redis.nflog.prune(Date.now()).then(
        (removed) => removed > 0 && this.runtime.logger.debug('Notification log maintenance done', { component: 'nflog', removed }),
        (err) => this.runtime.logger.warn('Notification log maintenance failed', { component: 'nflog', err: (err as Error).message }),
      );
    }, every);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
