import type { FastifyInstance } from 'fastify';

const METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'] as const;

/**
 * Unknown paths get 404 and known paths with the wrong method 405 with an `Allow` header, in
 * Alertmanager's `{code,message}` format (go-openapi's router) for the API.
 */
export function installUnmatchedRouteHandler(fastify: FastifyInstance, routePrefix = '/'): void {
  const prefix = routePrefix === '/' ? '' : routePrefix;
  fastify.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    // Alertmanager's API router sees paths below the route prefix, and says so in its message.
    const shown = prefix && (path === prefix || path.startsWith(prefix + '/')) ? path.slice(prefix.length) || '/' : path;
    const allowed = METHODS.filter((method) => method !== request.method && fastify.findRoute({ method, url: path }) !== null);
    if (allowed.length > 0) {
      reply
        .code(405)
        .header('Allow', allowed.join(','))
        .header('Content-Type', 'application/json')
        .send(JSON.stringify({ code: 405, message: `method ${request.method} is not allowed, but [${allowed.join(',')}] are` }));
      return;
    }
    reply
      .code(404)
      .header('Content-Type', 'application/json')
      .send(JSON.stringify({ code: 404, message: `path ${shown} was not found` }));
  });
  // Nest sets its own not-found handler during init, and Fastify allows only one: keep ours.
  fastify.setNotFoundHandler = (() => fastify) as unknown as FastifyInstance['setNotFoundHandler'];
}
