// GET /api/klaxon/v1/notifications: the notification history, newest first, filtered and paged;
// GET /api/klaxon/v1/openapi.json: the OpenAPI document of Klaxon's own API.
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryHistory } from './delivery-history';
import { HistoryQueryError, parseHistoryQuery } from './history-query';
import { receiversOpenApi } from './receivers-openapi';

@Controller('api/klaxon/v1')
export class NotificationsController {
  constructor(
    private readonly deliveries: DeliveryHistory,
    private readonly runtime: KlaxonRuntime,
  ) {}

  /** The OpenAPI document of /api/klaxon/v1. */
  @Get('openapi.json')
  openApi(@Res() reply: FastifyReply): void {
    reply.code(200).send(receiversOpenApi(this.runtime.options.routePrefix ?? '/'));
  }

  @Get('notifications')
  async list(@Query() params: Record<string, string | string[] | undefined>, @Res() reply: FastifyReply): Promise<void> {
    let query;
    try {
      query = parseHistoryQuery(params);
    } catch (err) {
      if (!(err instanceof HistoryQueryError)) throw err;
      reply.code(400).send({ error: err.message });
      return;
    }
    const page = await this.deliveries.history.list(query);
    reply.code(200).header('Cache-Control', 'no-store').send(page);
  }
}
