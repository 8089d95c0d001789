// One POST over keep-alive HTTP/1.1 connections (our own client on net/tls sockets: see
// http1-exchange.ts), following redirects as Go's net/http client does. Lighter per request than
// axios; it has no proxy support. Errors carry only a code (ECONNREFUSED, ETIMEDOUT, ERR_CANCELED…),
// never the URL or headers: they may hold secrets.
import type { OutgoingHttpHeaders } from 'node:http';
import { Http1Exchange } from './http1-exchange';
import { HttpPostError, toHttpPostError } from './http-post-error';
import type { HttpAgents } from './http-request-options';

export { HttpPostError } from './http-post-error';

export interface HttpPostRequest {
  url: string;
  body: string;
  /** Sent as given, plus Content-Length. */
  headers: Record<string, string>;
  /** Their options are the connection settings (TLS for https); connections are pooled per agent. */
  agents: HttpAgents;
  followRedirects: boolean;
  /** ms for the whole exchange, redirects and response bodies included; 0 or undefined: none. */
  timeout?: number;
  signal?: AbortSignal;
  /** How many bytes of the final response body to return; the rest is read and dropped. */
  bodyBytes: number;
}

export interface HttpPostResponse {
  status: number;
  /** At most `bodyBytes` bytes from the start of the body. */
  body: Buffer;
}

/** Go's client gives up at the tenth redirect response, so it makes ten requests at most. */
const MAX_REDIRECTS = 10;
/** Go turns these into a GET without body (unless already GET or HEAD); 307 and 308 repeat method and body. */
const REDIRECTS_TO_GET = new Set([301, 302, 303]);
const REDIRECTS_KEEPING_METHOD = new Set([307, 308]);
/** Go's client sends these only to the first request's host and its subdomains. */
const SENSITIVE_HEADERS = ['authorization', 'www-authenticate', 'cookie', 'cookie2'];

interface Hop {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
}

interface Exchanged extends HttpPostResponse {
  location?: string;
}

/** POSTs `req.body`; any status is an answer, transport failures, timeout and abort throw HttpPostError. */
export async function httpPost(req: HttpPostRequest): Promise<HttpPostResponse> {
  const cancellation = new Cancellation(req.timeout, req.signal);
  try {
    const body = Buffer.from(req.body);
    const first: Hop = { url: parseUrl(req.url), method: 'POST', headers: { ...req.headers, 'Content-Length': body.length }, body };
    let hop = first;
    for (let redirects = 1; ; redirects++) {
      const answer = await exchange(hop, req.agents, cancellation, req.bodyBytes);
      const next = req.followRedirects && answer.location ? redirected(hop, answer.status, answer.location, first.url) : undefined;
      if (!next) return { status: answer.status, body: answer.body };
      if (redirects >= MAX_REDIRECTS) throw new HttpPostError('ERR_FR_TOO_MANY_REDIRECTS');
      hop = next;
    }
  } catch (err) {
    throw toHttpPostError(err);
  } finally {
    cancellation.dispose();
  }
}

/** The next request for a redirect response, or undefined when `status` is no redirect Go follows. */
function redirected(hop: Hop, status: number, location: string, firstUrl: URL): Hop | undefined {
  if (!REDIRECTS_TO_GET.has(status) && !REDIRECTS_KEEPING_METHOD.has(status)) return undefined;
  const url = parseUrl(location, hop.url);
  const toGet = REDIRECTS_TO_GET.has(status) && hop.method !== 'GET' && hop.method !== 'HEAD';
  const next: Hop = toGet ? { url, method: 'GET', headers: without(hop.headers, ['content-length']) } : { ...hop, url };
  // Taken from the previous hop, so headers once dropped stay dropped (Go since the CVE-2024-45336 fix).
  if (!isDomainOrSubdomain(url.hostname, firstUrl.hostname)) next.headers = without(next.headers, SENSITIVE_HEADERS);
  return next;
}

/** One request and its response; the cancellation closes its connection. */
function exchange(hop: Hop, agents: HttpAgents, cancellation: Cancellation, bodyBytes: number): Promise<Exchanged> {
  if (cancellation.code) return Promise.reject(new HttpPostError(cancellation.code));
  const agent = hop.url.protocol === 'https:' ? agents.httpsAgent : agents.httpAgent;
  // Written before this returns when an idle connection is at hand.
  const exchange = new Http1Exchange(hop, agent, bodyBytes);
  cancellation.onCancel((code) => exchange.cancel(code));
  return exchange.response;
}

/** Cancels the request in flight when the caller aborts or the timeout passes. */
class Cancellation {
  code?: string;
  private listener?: (code: string) => void;
  private readonly timer?: NodeJS.Timeout;
  private readonly abort = () => this.cancel('ERR_CANCELED');

  constructor(timeout: number | undefined, private readonly signal: AbortSignal | undefined) {
    if (signal?.aborted) this.code = 'ERR_CANCELED';
    signal?.addEventListener('abort', this.abort, { once: true });
    if (timeout && timeout > 0) this.timer = setTimeout(() => this.cancel('ETIMEDOUT'), timeout);
  }

  /** `listener` replaces the previous hop's. */
  onCancel(listener: (code: string) => void): void {
    this.listener = listener;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.abort);
  }

  private cancel(code: string): void {
    if (this.code) return;
    this.code = code;
    this.listener?.(code);
  }
}

function parseUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new HttpPostError('ERR_INVALID_URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HttpPostError('ERR_INVALID_PROTOCOL');
  return url;
}

/** Go's isDomainOrSubdomain: "sub.example.com" may get what "example.com" gets. */
function isDomainOrSubdomain(sub: string, parent: string): boolean {
  if (sub === parent) return true;
  if (sub.includes(':') || sub.includes('%')) return false;
  return sub.endsWith(`.${parent}`);
}

function without(headers: OutgoingHttpHeaders, names: readonly string[]): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));
}
