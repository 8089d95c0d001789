import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A request body as received: the handlers parse it to answer in Alertmanager's words. */
export class RawBody {
  constructor(
    private body: string,
    readonly contentType: string,
    /** Longer than the body limit: the text was dropped. */
    readonly tooLarge = false,
    readonly limit = 0,
    /** The bytes were not valid UTF-8 (the text holds replacement characters). */
    readonly invalidUtf8 = false,
    /** When the server began reading the body (Unix ms): the moment posted alerts reached Klaxon. */
    readonly receivedAt = Date.now(),
  ) {}

  get text(): string {
    return this.body;
  }

  /**
   * Lets the text go once it is parsed. Fastify holds the body until the reply, and a large
   * POST's text would otherwise outlive its parse while its alerts are stored, to be copied by
   * every young-generation collection meanwhile.
   */
  release(): void {
    this.body = '';
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Fastify-level behaviour of the API, installed once:
 * - bodies are read as text, up to `bodyLimit` bytes, and parsed by the handlers, so a body
 *   that is not JSON gets Alertmanager's 400 and a longer one 413, both as `{code,message}`;
 * - every `/api/v2` response carries `Cache-Control: no-store` and `Vary: Origin`, plus
 *   `Access-Control-Allow-Origin: *` for requests with an `Origin` (rs/cors defaults);
 * - `GET /` redirects to the route prefix when there is one.
 */
export function installApiHttp(fastify: FastifyInstance, routePrefix: string, bodyLimit: number): void {
  const apiRoot = (routePrefix === '/' ? '' : routePrefix) + '/api/v2';
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, payload, done) => {
    const receivedAt = Date.now();
    const contentType = String(request.headers['content-type'] ?? '');
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= bodyLimit) chunks.push(chunk);
      else chunks.length = 0;
    });
    payload.on('error', (err) => done(err, undefined));
    payload.on('end', () => {
      const tooLarge = size > bodyLimit;
      if (tooLarge) {
        done(null, new RawBody('', contentType, true, bodyLimit, false, receivedAt));
        return;
      }
      const bytes = Buffer.concat(chunks);
      try {
        done(null, new RawBody(strictUtf8.decode(bytes), contentType, false, bodyLimit, false, receivedAt));
      } catch {
        done(null, new RawBody(bytes.toString('utf8'), contentType, false, bodyLimit, true, receivedAt));
      }
    });
  });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isUnder(request.url, apiRoot)) return;
    reply.header('Cache-Control', 'no-store');
    reply.header('Vary', 'Origin');
    if (request.headers.origin !== undefined) reply.header('Access-Control-Allow-Origin', '*');
  });
  if (routePrefix !== '/') {
    fastify.get('/', (_request, reply) => {
      reply.redirect(routePrefix, 302);
    });
  }
}

function isUnder(url: string, root: string): boolean {
  return url === root || url.startsWith(root + '/') || url.startsWith(root + '?');
}

/** The body of a request as the API needs it: its text and whether it was declared JSON. */
export function readRawBody(body: unknown): RawBody {
  return body instanceof RawBody ? body : new RawBody('', '');
}
