// Starts the dispatcher's parts in order, follows reloads, and stops everything on shutdown.
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { KlaxonConfig } from '../../../../libs/config/src';
import { ConfigStore } from '../config/config-store';
import { AlertIngestor } from './alert-ingestor';
import { DeliveryQueues } from './delivery-queues';
import { DeliveryWorkers } from './delivery-workers';
import { DirectDeliveries } from './direct-deliveries';
import { DispatchPlan } from './dispatch-plan';
import { DispatchState } from './dispatch-state';
import { FlushLoop } from './flush-loop';
import { NflogMaintenance } from './nflog-maintenance';

@Injectable()
export class DispatcherLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private stopped = false;

  constructor(
    private readonly configStore: ConfigStore,
    private readonly state: DispatchState,
    private readonly ingestor: AlertIngestor,
    private readonly flushLoop: FlushLoop,
    private readonly workers: DeliveryWorkers,
    private readonly direct: DirectDeliveries,
    private readonly queues: DeliveryQueues,
    private readonly maintenance: NflogMaintenance,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.configStore.onChange((config) => this.reload(config));
    await this.ingestor.prepare();
    await this.ingestor.rebuild();
    this.ingestor.start();
    this.workers.start();
    this.flushLoop.start();
    this.maintenance.start();
  }

  /** The new tree takes over at once; groups are re-derived from all alerts, keeping unchanged ones' timers. */
  private async reload(config: KlaxonConfig): Promise<void> {
    if (this.stopped) return;
    this.state.replace(new DispatchPlan(config));
    await this.ingestor.rebuild();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.maintenance.stop();
    await this.flushLoop.stop();
    await this.ingestor.stop();
    await this.direct.close();
    await this.workers.close();
    await this.queues.close();
  }
}
