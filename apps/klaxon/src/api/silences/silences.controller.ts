import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { ApiError, VALIDATION } from '../http/api-error';
import { answer, sendEmpty, sendJson } from '../http/api-reply';
import { readRawBody } from '../http/install-api-http';
import { parseJsonBody } from '../http/json-body';
import { boolParam, listParam, RawQuery } from '../http/query-params';
import { readPostableSilence } from './postable-silence';
import { gettableSilence } from './silence-json';
import { SilenceService } from './silence.service';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function checkSilenceId(id: string): void {
  if (!UUID.test(id)) throw ApiError.validation(VALIDATION.invalidType, `silenceID in path must be of type uuid: ${JSON.stringify(id)}`);
}

@Controller('api/v2')
export class SilencesController {
  constructor(
    private readonly silences: SilenceService,
    private readonly runtime: KlaxonRuntime,
  ) {}

  @Get('silences')
  async list(@Query() params: RawQuery, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      const now = Date.now();
      const found = await this.silences.list(
        {
          filter: listParam(params, 'filter'),
          active: boolParam(params, 'active'),
          pending: boolParam(params, 'pending'),
          expired: boolParam(params, 'expired'),
        },
        now,
      );
      sendJson(reply, 200, found.map((s) => gettableSilence(s, now)));
    }, this.runtime.logger);
  }

  @Post('silences')
  async post(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      const posted = readPostableSilence(parseJsonBody(readRawBody(body), 'silence'));
      sendJson(reply, 200, { silenceID: await this.silences.upsert(posted) });
    }, this.runtime.logger);
  }

  @Get('silence/:silenceID')
  async get(@Param('silenceID') id: string, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      checkSilenceId(id);
      const now = Date.now();
      const s = await this.silences.get(id, now);
      if (!s) throw ApiError.empty(404);
      sendJson(reply, 200, gettableSilence(s, now));
    }, this.runtime.logger);
  }

  /** Expires; idempotent; 404 for an unknown id (0.26+), 422 for a malformed one. */
  @Delete('silence/:silenceID')
  async expire(@Param('silenceID') id: string, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, 500, async () => {
      checkSilenceId(id);
      if (!(await this.silences.expire(id))) throw ApiError.empty(404);
      sendEmpty(reply);
    }, this.runtime.logger);
  }
}
