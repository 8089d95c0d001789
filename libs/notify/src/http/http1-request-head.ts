// Serializes an HTTP/1.1 request (request line, headers and body) into the one Buffer that is
// written to the socket. Header names and values are checked first, so a header cannot inject
// lines: node:http's rules and error codes, which httpPost used before.
import type { OutgoingHttpHeaders } from 'node:http';
import { HttpPostError } from './http-post-error';
import { HTTP_TOKEN } from './http-token';

export interface Http1Request {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
}

export interface SerializedRequest {
  bytes: Buffer;
  /** False when the caller sent `Connection: close`: the connection is not reused after the response. */
  keepAlive: boolean;
}

/** node's checkInvalidHeaderChar: controls other than tab (so CR, LF and NUL) and anything past Latin-1. */
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
/** A URL path is already percent-encoded; this only guards the request line. */
const INVALID_PATH_CHAR = /[^\x21-\x7e]/;
const CONNECTION_CLOSE = /(?:^|\W)close(?:$|\W)/i;

/**
 * The whole request as one Buffer. Headers keep node:http's order and overriding: names are
 * case-insensitive, the last value (and spelling) wins at the place of the first; Host, then the
 * URL's user info as Basic credentials, then `Connection: keep-alive` are added unless given.
 * Throws HttpPostError (ERR_INVALID_HTTP_TOKEN, ERR_INVALID_CHAR…) before anything is sent.
 */
export function serializeRequest(request: Http1Request): SerializedRequest {
  const { url, method, body } = request;
  if (!HTTP_TOKEN.test(method)) throw new HttpPostError('ERR_INVALID_HTTP_TOKEN');
  const path = `${url.pathname}${url.search}`;
  if (INVALID_PATH_CHAR.test(path)) throw new HttpPostError('ERR_UNESCAPED_CHARACTERS');

  // Lower-case name → [name as given, value]; a Map keeps the first insertion's place.
  const headers = new Map<string, [string, string | readonly string[]]>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HTTP_TOKEN.test(name)) throw new HttpPostError('ERR_INVALID_HTTP_TOKEN');
    if (value === undefined || value === null) throw new HttpPostError('ERR_HTTP_INVALID_HEADER_VALUE');
    const text = Array.isArray(value) ? value.map(String) : String(value);
    for (const line of typeof text === 'string' ? [text] : text) if (INVALID_VALUE_CHAR.test(line)) throw new HttpPostError('ERR_INVALID_CHAR');
    headers.set(name.toLowerCase(), [name, text]);
  }
  if (!headers.has('host')) headers.set('host', ['Host', url.host]);
  // node:http replaces an empty Authorization too.
  if ((url.username || url.password) && !headers.get('authorization')?.[1]) headers.set('authorization', ['Authorization', basicCredentials(url)]);
  const connection = headers.get('connection')?.[1];
  if (connection === undefined) headers.set('connection', ['Connection', 'keep-alive']);

  let head = `${method} ${path} HTTP/1.1\r\n`;
  for (const [name, value] of headers.values()) {
    if (typeof value === 'string') head += `${name}: ${value}\r\n`;
    else for (const line of value) head += `${name}: ${line}\r\n`;
  }
  head += '\r\n';

  // Latin-1, as node:http writes heads: the checks above allow no character past \xff.
  const bytes = Buffer.allocUnsafe(head.length + (body?.length ?? 0));
  bytes.write(head, 0, 'latin1');
  body?.copy(bytes, head.length);
  const closing = connection !== undefined && [connection].flat().some((value) => CONNECTION_CLOSE.test(value));
  return { bytes, keepAlive: !closing };
}

/** node:http's Basic credentials from the URL's user info (percent-decoded, UTF-8). */
function basicCredentials(url: URL): string {
  let credentials: string;
  try {
    credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  } catch {
    // A malformed escape: node:http threw a URIError, which httpPost reported as ERR_UNKNOWN.
    throw new HttpPostError('ERR_UNKNOWN');
  }
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
