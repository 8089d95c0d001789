// One HTTP/1.1 request and its response over a pooled keep-alive connection. With an idle
// connection at hand, the request is written synchronously in the constructor, head and body in
// one write. A reused connection that fails before any answer byte most likely was closed by the
// server while idle; the request is then sent again on a new connection (as Go does): once, since
// a new connection is never taken for a stale one.
import type { Agent } from 'node:http';
import { connectionPool, type ConnectionUser, type Http1Connection, type Http1ConnectionPool } from './http1-connection-pool';
import { serializeRequest, type Http1Request } from './http1-request-head';
import { Http1ResponseParser } from './http1-response-parser';
import { HttpPostError, toHttpPostError } from './http-post-error';

export interface Http1Response {
  status: number;
  /** At most `bodyBytes` bytes from the start of the body. */
  body: Buffer;
  location?: string;
}

/** How a connection that the server closed or reset shows up. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export class Http1Exchange implements ConnectionUser {
  /** Settles once: the response, or an HttpPostError. */
  readonly response: Promise<Http1Response>;
  private resolveResponse!: (response: Http1Response) => void;
  private rejectResponse!: (err: HttpPostError) => void;
  private readonly payload: Buffer;
  /** False when the request asked to close the connection. */
  private readonly keepAlive: boolean;
  private readonly pool: Http1ConnectionPool;
  private readonly origin: string;
  private connection!: Http1Connection;
  private parser!: Http1ResponseParser;
  /** A byte of the response arrived on the current connection. */
  private answered = false;
  private settled = false;

  /** Sends `request` through `agent`'s pool. Throws HttpPostError when it cannot be sent (invalid headers…), before connecting. */
  constructor(
    private readonly request: Http1Request,
    agent: Agent,
    private readonly bodyBytes: number,
  ) {
    ({ bytes: this.payload, keepAlive: this.keepAlive } = serializeRequest(request));
    this.response = new Promise<Http1Response>((resolve, reject) => {
      this.resolveResponse = resolve;
      this.rejectResponse = reject;
    });
    this.pool = connectionPool(agent);
    this.origin = `${request.url.protocol}//${request.url.host}`;
    this.use(this.pool.takeIdle(this.origin) ?? this.pool.connect(request.url, this.origin));
  }

  /** Stops the exchange (timeout, abort): its connection is closed, never reused. */
  cancel(code: string): void {
    this.fail(new HttpPostError(code));
  }

  onConnected(): void {
    this.connection.socket.write(this.payload);
  }

  onData(chunk: Buffer): void {
    this.answered = true;
    let complete: boolean;
    try {
      complete = this.parser.push(chunk);
    } catch (err) {
      return this.fail(err);
    }
    if (complete) this.complete();
  }

  onEnd(): void {
    // A body without length ends with the connection; anything else ended early.
    if (this.parser.end()) this.complete();
    else this.lost();
  }

  onError(err: Error): void {
    this.lost(err);
  }

  onClose(): void {
    this.lost();
  }

  private use(connection: Http1Connection): void {
    this.connection = connection;
    this.parser = new Http1ResponseParser({ headRequest: this.request.method === 'HEAD', bodyBytes: this.bodyBytes });
    this.answered = false;
    connection.user = this;
    if (connection.connected) connection.socket.write(this.payload);
  }

  /** The connection closed or failed before the response was complete. */
  private lost(err?: Error): void {
    if (this.settled) return;
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const stale = this.connection.reused && !this.answered && (err === undefined || (code !== undefined && CONNECTION_LOST.has(code)));
    if (!stale) return this.fail(err ?? new HttpPostError('ECONNRESET'));
    this.release(false);
    try {
      this.use(this.pool.connect(this.request.url, this.origin));
    } catch (connectErr) {
      this.fail(connectErr);
    }
  }

  private complete(): void {
    if (this.settled) return;
    this.settled = true;
    const { parser, connection } = this;
    // Reused only when the response left it clean: keep-alive on both sides, nothing more read, the request fully written.
    this.release(this.keepAlive && parser.keepAlive && !parser.excessBytes && connection.socket.writableLength === 0);
    this.resolveResponse({ status: parser.status, body: parser.body, location: parser.location });
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.release(false);
    this.rejectResponse(toHttpPostError(err));
  }

  /** Lets go of the current connection: back to its pool, or closed. */
  private release(reuse: boolean): void {
    const connection = this.connection;
    connection.user = undefined;
    if (reuse) this.pool.release(connection, this.parser.keepAliveTimeout);
    else connection.destroy();
  }
}
