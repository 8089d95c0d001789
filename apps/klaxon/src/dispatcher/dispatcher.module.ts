import { Module } from '@nestjs/common';
import { DeliveryRecordingModule } from '../receivers/delivery-recording.module';
import { DeliveryAccounting } from './delivery-accounting';
import { AlertIngestor } from './alert-ingestor';
import { DeliveryQueues } from './delivery-queues';
import { DeliveryRun } from './delivery-run';
import { DeliveryWorkers } from './delivery-workers';
import { DirectDeliveries } from './direct-deliveries';
import { DispatchRedis } from './dispatch-redis';
import { DispatchState } from './dispatch-state';
import { DispatcherLifecycle } from './dispatcher-lifecycle';
import { FlushLoop } from './flush-loop';
import { GroupFlusher } from './group-flusher';
import { GroupMetaCache } from './group-meta-cache';
import { GroupMuting } from './group-muting';
import { NflogMaintenance } from './nflog-maintenance';
import { NotifierRegistry } from './notifier-registry';

/** Grouping, timing, dedup and delivery of notifications (role `worker`). See README.md. */
@Module({
  imports: [DeliveryRecordingModule],
  providers: [
    DeliveryAccounting,
    DispatchRedis,
    DispatchState,
    NotifierRegistry,
    AlertIngestor,
    GroupMuting,
    GroupMetaCache,
    DeliveryQueues,
    DeliveryRun,
    DeliveryWorkers,
    DirectDeliveries,
    GroupFlusher,
    FlushLoop,
    NflogMaintenance,
    DispatcherLifecycle,
  ],
})
export class DispatcherModule {}
