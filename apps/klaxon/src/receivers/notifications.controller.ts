// GET /api/klaxon/v1/notifications: the notification history, newest first, filtered and paged.
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DeliveryHistory } from './delivery-history';
import { HistoryQueryError, parseHistoryQuery } from './history-query';

@Controller('api/klaxon/v1')
export class NotificationsController {
  constructor(private readonly deliveries: DeliveryHistory) {}

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
