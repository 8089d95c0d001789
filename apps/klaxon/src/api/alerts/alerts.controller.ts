import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { answer, sendEmpty, sendRenderedJson } from '../http/api-reply';
import { readRawBody } from '../http/install-api-http';
import { parseJsonBody } from '../http/json-body';
import type { RawQuery } from '../http/query-params';
import { readAlertFilter } from './alert-filter';
import { AlertIngestService } from './alert-ingest.service';
import { AlertQueryService } from './alert-query.service';
import { readPostableAlerts } from './postable-alerts';

@Controller('api/v2')
export class AlertsController {
  constructor(
    private readonly ingest: AlertIngestService,
    private readonly query: AlertQueryService,
    private readonly runtime: KlaxonRuntime,
  ) {}

  /** 200 (empty) only once stored; 503 when Redis cannot take them. */
  @Post('alerts')
  async post(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 503, async () => {
      const raw = readRawBody(body);
      // group_wait runs from when the alerts reached Klaxon, not from when their handler ran.
      await this.ingest.post(readPostableAlerts(parseJsonBody(raw, 'alerts')), raw.receivedAt);
      sendEmpty(reply);
    }, this.runtime.logger);
  }

  @Get('alerts')
  async list(@Query() params: RawQuery, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      sendRenderedJson(reply, 200, await this.query.alerts(readAlertFilter(params)));
    }, this.runtime.logger);
  }

  @Get('alerts/groups')
  async groups(@Query() params: RawQuery, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      sendRenderedJson(reply, 200, await this.query.groups(readAlertFilter(params)));
    }, this.runtime.logger);
  }
}
