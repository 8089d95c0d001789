import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { matchesLabels, parseMatcher } from '../../../../../libs/core/src';
import { ConfigStore } from '../../config/config-store';
import { ApiError } from '../http/api-error';
import { answer, sendJson } from '../http/api-reply';
import { listParam, RawQuery } from '../http/query-params';
import { sortedLabels } from '../alerts/alert-json';
import { StatusService } from './status.service';

@Controller('api/v2')
export class StatusController {
  constructor(
    private readonly status: StatusService,
    private readonly configStore: ConfigStore,
    private readonly runtime: KlaxonRuntime,
  ) {}

  @Get('status')
  async get(@Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => sendJson(reply, 200, await this.status.status()), this.runtime.logger);
  }

  /** Every configured receiver, used or not, with its labels (0.33+); `receiver_matchers` filters on them. */
  @Get('receivers')
  async receivers(@Query() params: RawQuery, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      const matchers = listParam(params, 'receiver_matchers').map((text) => {
        try {
          return parseMatcher(text);
        } catch (err) {
          throw ApiError.text(400, (err as Error).message);
        }
      });
      const receivers = this.configStore.config.receivers
        .filter((r) => matchesLabels(matchers, r.labels))
        .map((r) => ({ labels: sortedLabels(r.labels), name: r.name }));
      sendJson(reply, 200, receivers);
    }, this.runtime.logger);
  }
}
