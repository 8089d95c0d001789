// POST /api/klaxon/v1/receivers/{name}/test: a test notification through every integration of a receiver.
import { Controller, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReceiverTestService, UnknownReceiverError } from './receiver-test.service';

@Controller('api/klaxon/v1/receivers')
export class ReceiverTestController {
  constructor(private readonly tests: ReceiverTestService) {}

  /** 200 with every integration's outcome (also when some failed), 404 for an unknown receiver. */
  @Post(':name/test')
  async test(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      reply.code(200).send(await this.tests.test(name));
    } catch (err) {
      if (!(err instanceof UnknownReceiverError)) throw err;
      reply.code(404).send({ error: err.message });
    }
  }
}
