// Keep-alive HTTP/1.1 connections, pooled per agent (its options are the TCP and TLS settings)
// and per origin: opening them, and keeping idle ones for reuse until they close or idle too long.
// A connection carries one exchange at a time; the exchange in flight gets its socket's events.
import type { Agent } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, type ConnectionOptions, type SecureContext } from 'node:tls';

/** The exchange using a connection: gets its socket's events while it does. */
export interface ConnectionUser {
  /** The socket connected (after the TLS handshake for https). */
  onConnected(): void;
  onData(chunk: Buffer): void;
  /** The server ended its side. */
  onEnd(): void;
  onError(err: Error): void;
  onClose(): void;
}

/**
 * More idle connections than this per origin are closed instead of kept. Prometheus' HTTP
 * client keeps up to 1000 per host; what stays idle here is bounded anyway by how many requests
 * to one origin ran at once (up to 128 sent by a flushing process and 32 per worker queue), so
 * that a burst of notifications, such as many groups due together, finds its connections open
 * the next time.
 */
export const MAX_IDLE_PER_ORIGIN = 256;
/** How long an idle connection is kept without a server hint: Go's IdleConnTimeout. */
export const DEFAULT_IDLE_TIMEOUT_MS = 90_000;
/** Idle connections close this long before the server's `Keep-Alive: timeout`, so a request rarely meets one the server is closing. */
const KEEP_ALIVE_HINT_MARGIN_MS = 500;
/** node's https.Agent caches as many TLS sessions. */
const MAX_TLS_SESSIONS = 100;

/** A socket to one origin, idle in its pool or used by one exchange. */
export class Http1Connection {
  /** The exchange in flight; none while idle. */
  user?: ConnectionUser;
  connected = false;
  /** It carried an exchange before: a failure before any answer may only mean the server closed it while idle. */
  reused = false;
  /** In its pool's idle list. */
  idle = false;
  /** Date.now() after which it is not reused (the idle timer may run late). */
  idleDeadline = 0;
  private idleTimer?: NodeJS.Timeout;
  private idleTimeoutMs = 0;

  constructor(
    readonly socket: Socket,
    readonly origin: string,
    private readonly pool: Http1ConnectionPool,
    secure: boolean,
  ) {
    socket.setNoDelay(true);
    socket.on(secure ? 'secureConnect' : 'connect', () => {
      this.connected = true;
      this.user?.onConnected();
    });
    // While idle, any event ends the connection: a server sends nothing unasked, and a closed one cannot be reused.
    socket.on('data', (chunk: Buffer) => (this.user ? this.user.onData(chunk) : this.destroy()));
    socket.on('end', () => (this.user ? this.user.onEnd() : this.destroy()));
    socket.on('error', (err: Error) => (this.user ? this.user.onError(err) : this.destroy()));
    socket.on('close', () => {
      this.forget();
      this.user?.onClose();
    });
  }

  /** Closes the socket at once; it leaves its pool. */
  destroy(): void {
    this.forget();
    this.socket.destroy();
  }

  /** Closes the connection if it is still idle `ms` from now. One timer per connection, re-armed on each release. */
  armIdleTimer(ms: number): void {
    this.idleDeadline = Date.now() + ms;
    if (this.idleTimer && this.idleTimeoutMs === ms) {
      this.idleTimer.refresh();
      return;
    }
    clearTimeout(this.idleTimer);
    this.idleTimeoutMs = ms;
    this.idleTimer = setTimeout(() => this.idle && this.destroy(), ms);
    // An idle connection must not keep the process alive.
    this.idleTimer.unref();
  }

  private forget(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.pool.forget(this);
  }
}

/** Socket options: what node's Agent keeps from its constructor (keepAlive, and ca, cert, key, servername… for TLS). */
type AgentOptions = Readonly<Record<string, unknown>> & ConnectionOptions;

const pools = new WeakMap<Agent, Http1ConnectionPool>();

/** The pool of `agent`, which has the socket and TLS options; made on first use, dropped with the agent. */
export function connectionPool(agent: Agent): Http1ConnectionPool {
  let pool = pools.get(agent);
  if (!pool) {
    pool = new Http1ConnectionPool({ ...(agent as Agent & { options?: AgentOptions }).options });
    pools.set(agent, pool);
  }
  return pool;
}

export class Http1ConnectionPool {
  /** Idle connections per origin, most recently used last. */
  private readonly idle = new Map<string, Http1Connection[]>();
  /** The last TLS session per origin, so new connections resume instead of a full handshake (as https.Agent does). */
  private readonly sessions = new Map<string, Buffer>();
  /** Made once: building it from the PEM texts (parsing the CA bundle) per connection is costly. */
  private secureContext?: SecureContext;

  constructor(private readonly options: AgentOptions) {}

  /** An idle connection to `origin` still open, most recently used first (LIFO lets the others time out); undefined when none. */
  takeIdle(origin: string): Http1Connection | undefined {
    const list = this.idle.get(origin);
    if (!list) return undefined;
    const now = Date.now();
    let connection: Http1Connection | undefined;
    while ((connection = list.pop())) {
      connection.idle = false;
      const socket = connection.socket;
      if (now < connection.idleDeadline && !socket.destroyed && socket.writable && !socket.readableEnded) break;
      connection.destroy();
    }
    if (list.length === 0) this.idle.delete(origin);
    // In use, it keeps the process alive again.
    connection?.socket.ref();
    return connection;
  }

  /** A new connection to `url`'s origin; the user writes once it is connected. Throws on invalid TLS options. */
  connect(url: URL, origin: string): Http1Connection {
    // A URL writes an IPv6 address in brackets; sockets want it bare.
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const secure = url.protocol === 'https:';
    const port = Number(url.port) || (secure ? 443 : 80);
    let socket: Socket;
    if (secure) {
      // SNI names a host, never an address; an explicit '' (no SNI) is kept, as https.Agent does.
      const servername = typeof this.options.servername === 'string' ? this.options.servername : isIP(host) ? '' : host;
      this.secureContext ??= this.options.secureContext ?? createSecureContext(this.options);
      socket = tlsConnect({ ...this.options, host, port, servername, secureContext: this.secureContext, session: this.sessions.get(origin) });
      socket.on('session', (session: Buffer) => this.saveSession(origin, session));
      socket.once('close', (hadError: boolean) => hadError && this.sessions.delete(origin));
    } else {
      socket = netConnect({ ...this.options, host, port });
    }
    // TCP keep-alive probes find dead peers of idle connections, as node's Agent sets them.
    socket.setKeepAlive(true, Number(this.options.keepAliveMsecs) || 1000);
    return new Http1Connection(socket, origin, this, secure);
  }

  /**
   * Keeps a connection whose exchange completed for the next request to its origin, for the
   * server's Keep-Alive timeout (in seconds) less a margin, or Go's 90 s without one.
   */
  release(connection: Http1Connection, keepAliveTimeout: number | undefined): void {
    const timeoutMs = keepAliveTimeout === undefined ? DEFAULT_IDLE_TIMEOUT_MS : keepAliveTimeout * 1000 - KEEP_ALIVE_HINT_MARGIN_MS;
    let list = this.idle.get(connection.origin);
    if (timeoutMs <= 0 || (list && list.length >= MAX_IDLE_PER_ORIGIN)) {
      connection.destroy();
      return;
    }
    if (!list) this.idle.set(connection.origin, (list = []));
    connection.user = undefined;
    connection.reused = true;
    connection.idle = true;
    connection.armIdleTimer(timeoutMs);
    connection.socket.unref();
    list.push(connection);
  }

  /** Takes a connection out of the idle list (it closed, or is being destroyed). */
  forget(connection: Http1Connection): void {
    if (!connection.idle) return;
    connection.idle = false;
    const list = this.idle.get(connection.origin);
    if (!list) return;
    const index = list.indexOf(connection);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.idle.delete(connection.origin);
  }

  private saveSession(origin: string, session: Buffer): void {
    this.sessions.delete(origin);
    if (this.sessions.size >= MAX_TLS_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(origin, session);
  }
}
