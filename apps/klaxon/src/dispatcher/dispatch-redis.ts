// The dispatcher's Redis repositories and its own connections (closed on module destroy).
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { createRedisClient } from '../../../../libs/redis/src';
import {
  AlertEventsReader,
  AlertReader,
  FlushCommit,
  FlushOutcome,
  FlushSchedule,
  FlushSnapshotReader,
  GroupRepository,
  InhibitSources,
  NotificationLog,
  SilenceReader,
} from '../../../../libs/store/src/dispatch';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';

@Injectable()
export class DispatchRedis implements OnApplicationShutdown {
  readonly groups: GroupRepository;
  readonly schedule: FlushSchedule;
  readonly nflog: NotificationLog;
  readonly flushOutcome: FlushOutcome;
  readonly flushSnapshots: FlushSnapshotReader;
  /** Queued on MULTIs of `queueConnection`, together with the flush's delivery jobs. */
  readonly flushCommit: FlushCommit;
  readonly alerts: AlertReader;
  readonly silences: SilenceReader;
  readonly inhibitSources: InhibitSources;
  readonly events: AlertEventsReader;
  /** A connection that waits through Redis outages, for BullMQ. */
  readonly queueConnection: Redis;
  private readonly blockingConnection: Redis;

  constructor(runtime: KlaxonRuntime) {
    const redis = runtime.redis;
    this.groups = new GroupRepository(redis);
    this.schedule = new FlushSchedule(redis);
    this.nflog = new NotificationLog(redis);
    this.flushOutcome = new FlushOutcome(redis);
    this.flushSnapshots = new FlushSnapshotReader(redis);
    this.alerts = new AlertReader(redis);
    this.silences = new SilenceReader(redis);
    this.inhibitSources = new InhibitSources(redis);
    this.blockingConnection = createRedisClient(runtime.redisLocation, 'queue', 'dispatch-events');
    this.events = new AlertEventsReader(this.blockingConnection, redis, runtime.peerName);
    this.queueConnection = createRedisClient(runtime.redisLocation, 'queue', 'dispatch-queues');
    this.flushCommit = new FlushCommit(this.queueConnection);
  }

  /** After every module's destroy hook: workers and queues are closed by then. */
  async onApplicationShutdown(): Promise<void> {
    this.blockingConnection.disconnect();
    await this.queueConnection.quit().catch(() => this.queueConnection.disconnect());
  }
}
