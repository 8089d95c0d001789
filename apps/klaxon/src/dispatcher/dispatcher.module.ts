import { Module } from '@nestjs/common';

/** Grouping, timing, dedup and delivery of notifications (role `worker`). */
@Module({})
export class DispatcherModule {}
