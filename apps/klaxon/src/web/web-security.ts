import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TLSSocket } from 'node:tls';
import { compareSync } from 'bcryptjs';
import { createHash } from 'node:crypto';
import type { WebConfig } from './web-config';

/** Fastify `https` options for the web config's TLS section. */
export function httpsOptions(config: WebConfig): Record<string, unknown> | undefined {
  const tls = config.tls;
  if (!tls) return undefined;
  const requestCert = tls.clientAuthType !== 'NoClientCert';
  return {
    cert: tls.cert,
    key: tls.key,
    ca: tls.clientCa,
    requestCert,
    rejectUnauthorized: tls.clientAuthType === 'RequireAndVerifyClientCert',
    minVersion: tls.minVersion,
    maxVersion: tls.maxVersion,
  };
}

/**
 * Client certificate rules that TLS options alone cannot express, basic auth, and the configured
 * response headers, on every request (health endpoints included, as exporter-toolkit does).
 */
export function installWebSecurity(fastify: FastifyInstance, config: WebConfig): void {
  const verified = new Set<string>(); // sha256 of "user:password" pairs already checked against their hash
  fastify.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(config.headers)) reply.header(name, value);

    const clientAuth = config.tls?.clientAuthType;
    if (clientAuth === 'RequireAnyClientCert' || clientAuth === 'VerifyClientCertIfGiven') {
      const socket = request.raw.socket as TLSSocket;
      const cert = socket.getPeerCertificate?.();
      const presented = !!cert && Object.keys(cert).length > 0;
      if ((clientAuth === 'RequireAnyClientCert' && !presented) || (clientAuth === 'VerifyClientCertIfGiven' && presented && !socket.authorized)) {
        reply.code(403).header('Content-Type', 'text/plain; charset=utf-8').send('client certificate required or not trusted\n');
        return reply;
      }
    }

    if (config.basicAuthUsers.size === 0) return;
    const credentials = basicCredentials(request);
    if (credentials) {
      const hash = config.basicAuthUsers.get(credentials.user);
      const cacheKey = createHash('sha256').update(`${credentials.user}\u0000${credentials.password}\u0000${hash ?? ''}`).digest('hex');
      if (hash && (verified.has(cacheKey) || compareSync(credentials.password, hash))) {
        verified.add(cacheKey);
        return;
      }
    }
    reply.code(401).header('WWW-Authenticate', 'Basic').header('Content-Type', 'text/plain; charset=utf-8').send('Unauthorized\n');
    return reply;
  });
}

function basicCredentials(request: FastifyRequest): { user: string; password: string } | undefined {
  const header = request.headers.authorization;
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
