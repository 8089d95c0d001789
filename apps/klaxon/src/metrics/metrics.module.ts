import { Global, Module } from '@nestjs/common';
import { KlaxonMetrics } from './klaxon-metrics';
import { MetricsController } from './metrics.controller';
import { StateMetricsCollector } from './state-metrics-collector';
import { VERSION } from '../cli/usage';

/** Metrics for every role: `KlaxonMetrics` is global so the API and the dispatcher count their work. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: KlaxonMetrics, useFactory: () => new KlaxonMetrics(VERSION) }, StateMetricsCollector],
  exports: [KlaxonMetrics],
})
export class MetricsModule {}
