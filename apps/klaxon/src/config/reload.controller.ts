import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConfigStore } from './config-store';

/** `POST /-/reload`: 200 with an empty body, or 500 `failed to reload config: <err>` (as Alertmanager). */
@Controller('-')
export class ReloadController {
  constructor(private readonly store: ConfigStore) {}

  @Post('reload')
  @HttpCode(200)
  async reload(@Res() reply: FastifyReply): Promise<void> {
    try {
      await this.store.reload();
      reply.code(200).send();
    } catch (err) {
      reply.code(500).header('Content-Type', 'text/plain; charset=utf-8').send(`failed to reload config: ${(err as Error).message}\n`);
    }
  }
}
