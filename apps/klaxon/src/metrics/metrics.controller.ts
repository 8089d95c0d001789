import { Controller, Get, Header } from '@nestjs/common';
import { KlaxonMetrics } from './klaxon-metrics';
import { StateMetricsCollector } from './state-metrics-collector';

/** `GET /metrics` in Prometheus' text exposition format. */
@Controller()
export class MetricsController {
  constructor(private readonly metrics: KlaxonMetrics, private readonly collector: StateMetricsCollector) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    await this.collector.collect();
    return this.metrics.registry.render();
  }
}
