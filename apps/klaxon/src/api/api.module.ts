import { Module } from '@nestjs/common';

/** The Alertmanager HTTP API v2 (role `api`). */
@Module({})
export class ApiModule {}
