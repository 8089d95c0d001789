// prometheus/common's HTTP client settings (http_config): the headers and connection agents every
// client uses, and the same as axios request options.
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AxiosRequestConfig } from 'axios';
import type { HttpConfig, TlsConfig } from '../../../config/src';

/** The agents connections are made through: kept alive and reused across notifications. */
export interface HttpAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

/** Plain-HTTP connections are reused across notifications (a new connection per POST costs more than the POST). */
const keepAliveAgent = new HttpAgent({ keepAlive: true });

// One agent per TLS config object: a reload builds new objects, so new files are read then.
const agents = new WeakMap<TlsConfig, HttpsAgent>();

/** Headers, TLS agent and redirect policy for axios requests made with `config`. Carries secrets: never log it. */
export function httpRequestOptions(config: HttpConfig): Pick<AxiosRequestConfig, 'headers' | 'httpAgent' | 'httpsAgent' | 'maxRedirects' | 'proxy'> {
  return {
    headers: httpConfigHeaders(config),
    ...httpConfigAgents(config),
    maxRedirects: config.followRedirects ? 10 : 0,
    proxy: proxyOption(config.proxyUrl),
  };
}

/** The http_headers and the Authorization header (basic_auth, authorization, bearer_token). Secrets: never log them. */
export function httpConfigHeaders(config: HttpConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(config.httpHeaders ?? {})) {
    const values = [...header.values, ...header.secrets];
    if (values.length > 0) headers[name] = values.join(', ');
  }
  const auth = authorizationHeader(config);
  if (auth) headers.Authorization = auth;
  return headers;
}

/** The shared keep-alive HTTP agent and the keep-alive HTTPS agent of the tls_config. */
export function httpConfigAgents(config: HttpConfig): HttpAgents {
  return { httpAgent: keepAliveAgent, httpsAgent: httpsAgent(config.tlsConfig ?? DEFAULT_TLS) };
}

function authorizationHeader(config: HttpConfig): string | undefined {
  if (config.basicAuth) {
    const { username = '', password = '' } = config.basicAuth;
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  if (config.authorization?.credentials !== undefined) return `${config.authorization.type || 'Bearer'} ${config.authorization.credentials}`;
  if (config.bearerToken !== undefined) return `Bearer ${config.bearerToken}`;
  return undefined;
}

function proxyOption(proxyUrl: string | undefined): AxiosRequestConfig['proxy'] {
  if (!proxyUrl) return false;
  const url = new URL(proxyUrl);
  return {
    protocol: url.protocol.replace(':', ''),
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    ...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
  };
}

const DEFAULT_TLS: TlsConfig = { insecureSkipVerify: false };

function httpsAgent(tls: TlsConfig): HttpsAgent {
  let agent = agents.get(tls);
  if (!agent) {
    const read = (inline: string | undefined, file: string | undefined) => inline ?? (file ? readFileSync(file, 'utf8') : undefined);
    agent = new HttpsAgent({
      ca: read(tls.ca, tls.caFile),
      cert: read(tls.cert, tls.certFile),
      key: read(tls.key, tls.keyFile),
      servername: tls.serverName,
      rejectUnauthorized: !tls.insecureSkipVerify,
      keepAlive: true,
    });
    agents.set(tls, agent);
  }
  return agent;
}
