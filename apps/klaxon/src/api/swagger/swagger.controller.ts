import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { sendJson } from '../http/api-reply';
import { swaggerSpec } from './swagger-spec';

@Controller('api/v2')
export class SwaggerController {
  constructor(private readonly runtime: KlaxonRuntime) {}

  @Get('swagger.json')
  spec(@Res() reply: FastifyReply): void {
    const prefix = this.runtime.options.routePrefix === '/' ? '' : this.runtime.options.routePrefix;
    sendJson(reply, 200, swaggerSpec(`${prefix}/api/v2/`));
  }
}
