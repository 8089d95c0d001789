import type { FastifyInstance } from 'fastify';
import { availableParallelism } from 'node:os';
import { formatGoDuration } from '../../../../libs/core/src';

/** As Alertmanager: a negative or zero `--web.get-concurrency` means max(CPUs, 8). */
export function effectiveGetConcurrency(flag: number): number {
  return flag > 0 ? flag : Math.max(availableParallelism(), 8);
}

/**
 * `--web.get-concurrency`: GET requests beyond the limit get 503 at once (Alertmanager's text).
 * `--web.timeout`: a request not answered in time gets 503 with Go's TimeoutHandler message.
 */
export function installRequestLimits(fastify: FastifyInstance, getConcurrency: number, timeoutMs: number, onLimitExceeded: () => void = () => undefined): void {
  const limit = effectiveGetConcurrency(getConcurrency);
  let inFlight = 0;
  const counted = new WeakSet<object>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET') {
      if (inFlight >= limit) {
        onLimitExceeded();
        reply.code(503).header('Content-Type', 'text/plain; charset=utf-8').send(`Limit of concurrent GET requests reached (${limit}), try again later.\n`);
        return reply;
      }
      inFlight++;
      counted.add(request);
    }
    if (timeoutMs > 0) {
      const timer = setTimeout(() => {
        if (!reply.sent) {
          reply.code(503).header('Content-Type', 'text/plain; charset=utf-8').send(`Exceeded configured timeout of ${formatGoDuration(timeoutMs)}.\n`);
        }
      }, timeoutMs);
      reply.raw.once('close', () => clearTimeout(timer));
    }
  });
  fastify.addHook('onResponse', async (request) => {
    if (counted.has(request)) {
      counted.delete(request);
      inFlight--;
    }
  });
}
