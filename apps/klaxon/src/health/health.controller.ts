import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';

/** `/-/healthy`: the process answers. `/-/ready`: config loaded and Redis reachable. GET and HEAD. */
@Controller('-')
export class HealthController {
  constructor(private readonly runtime: KlaxonRuntime) {}

  @Get('healthy')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  healthy(): string {
    return 'OK';
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    let ok = false;
    try {
      ok = (await this.runtime.redis.ping()) === 'PONG';
    } catch {
      ok = false;
    }
    reply
      .code(ok ? 200 : 503)
      .header('Content-Type', 'text/plain; charset=utf-8')
      .send(ok ? 'OK' : 'Redis is not reachable');
  }
}
