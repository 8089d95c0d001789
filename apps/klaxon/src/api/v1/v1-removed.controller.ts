import { All, Controller, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { sendJson } from '../http/api-reply';

const MESSAGE =
  'The Alertmanager v1 API was deprecated in version 0.16.0 and is removed as of version 0.27.0 - please use the equivalent route in the v2 API';

/** `/api/v1/*` is gone (0.27+): 410 with Alertmanager's message. `/api/v1/alerts/groups` stays 404. */
@Controller('api/v1')
export class V1RemovedController {
  @All(['status', 'receivers', 'alerts', 'silences', 'silence/:silenceID'])
  gone(@Res() reply: FastifyReply): void {
    sendJson(reply, 410, { status: 'deprecated', error: MESSAGE });
  }
}
