import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { AlertEvaluator } from './alerts/alert-evaluator.service';
import { AlertIngestService } from './alerts/alert-ingest.service';
import { AlertQueryService } from './alerts/alert-query.service';
import { AlertsController } from './alerts/alerts.controller';
import { installApiHttp } from './http/install-api-http';
import { PeerHeartbeat } from './maintenance/peer-heartbeat.service';
import { StoreGc } from './maintenance/store-gc.service';
import { SilencesController } from './silences/silences.controller';
import { SilenceService } from './silences/silence.service';
import { RoutingView } from './state/routing-view';
import { StatusController } from './status/status.controller';
import { StatusService } from './status/status.service';
import { SwaggerController } from './swagger/swagger.controller';
import { V1RemovedController } from './v1/v1-removed.controller';

/** The Alertmanager HTTP API v2 (role `api`), on the alerts and silences in Redis. */
@Module({
  controllers: [AlertsController, SilencesController, StatusController, SwaggerController, V1RemovedController],
  providers: [
    RoutingView,
    AlertEvaluator,
    AlertIngestService,
    AlertQueryService,
    SilenceService,
    StatusService,
    PeerHeartbeat,
    StoreGc,
  ],
})
export class ApiModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly runtime: KlaxonRuntime,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance() as FastifyInstance;
    installApiHttp(fastify, this.runtime.options.routePrefix, this.runtime.options.maxAlertsBodyBytes);
  }
}
