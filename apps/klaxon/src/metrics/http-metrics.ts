import type { FastifyInstance } from 'fastify';
import type { KlaxonMetrics } from './klaxon-metrics';

/**
 * `alertmanager_http_request_duration_seconds{handler,method,code}`: handler is the route pattern
 * without the route prefix (e.g. `/api/v2/silence/:silenceID`), so series stay bounded.
 */
export function installHttpMetrics(fastify: FastifyInstance, metrics: KlaxonMetrics, routePrefix: string): void {
  const started = new WeakMap<object, bigint>();
  const prefix = routePrefix === '/' ? '' : routePrefix;
  fastify.addHook('onRequest', async (request) => {
    started.set(request, process.hrtime.bigint());
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const begin = started.get(request);
    if (begin === undefined) return;
    const pattern = request.routeOptions?.url ?? 'unmatched';
    const handler = prefix && pattern.startsWith(prefix) ? pattern.slice(prefix.length) || '/' : pattern;
    if (reply.statusCode === 503 && request.method === 'GET' && !request.routeOptions?.url) return;
    metrics.httpRequestDuration.observe(
      { handler, method: request.method.toLowerCase(), code: String(reply.statusCode) },
      Number(process.hrtime.bigint() - begin) / 1e9,
    );
  });
}
