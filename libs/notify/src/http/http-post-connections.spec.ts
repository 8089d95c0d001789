// httpPost's connections: reuse, the server closing them, the stale keep-alive retry, concurrency,
// IPv6, header checks, TLS settings, and that idle connections never keep the process alive.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, Socket, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import type { TlsConfig } from '../../../config/src';
import { makeTestCertificates, type TestCertificates } from '../../../../test/support/test-certificates';
import { httpPost, HttpPostError, type HttpPostRequest } from './http-post';
import { MAX_IDLE_PER_ORIGIN } from './http1-connection-pool';
import { httpConfigAgents } from './http-request-options';

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number;
  /** 1 for the first request on its connection. */
  onConnection: number;
  socket: Socket;
}

type Handler = (req: Received, res: ServerResponse) => void;

interface TestServer {
  origin: string;
  port: number;
  received: Received[];
  /** Every connection the server accepted. */
  sockets: Socket[];
  server: Server;
  close: () => Promise<void>;
}

const servers: TestServer[] = [];

/** A loopback server answering with `handler` after reading each request body; records every request and connection. */
async function serve(handler: Handler, options: { server?: Server; host?: string; scheme?: string } = {}): Promise<TestServer> {
  const { server = createServer(), host = '127.0.0.1', scheme = 'http' } = options;
  const received: Received[] = [];
  const sockets: Socket[] = [];
  const perConnection = new WeakMap<Socket, number>();
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', (socket: Socket) => sockets.push(socket));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const onConnection = (perConnection.get(req.socket) ?? 0) + 1;
      perConnection.set(req.socket, onConnection);
      const r = { url: req.url!, headers: req.headers, body, remotePort: req.socket.remotePort!, onConnection, socket: req.socket };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const test: TestServer = {
    origin: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    received,
    sockets,
    server,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  servers.push(test);
  return test;
}

/** A TCP server answering each connection's bytes with `respond` (raw HTTP), for responses node:http cannot send. */
async function serveRaw(respond: (socket: Socket, request: string) => void): Promise<{ origin: string; sockets: Socket[]; close: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createNetServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      // Our requests here have no body: each ends with its head.
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const request = pending.slice(0, end + 4);
        pending = pending.slice(end + 4);
        respond(socket, request);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve())));
  servers.push({ close } as TestServer);
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets, close };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `socket` to close, failing after `ms` (idle timers would close it eventually anyway). */
async function closedWithin(socket: Socket, ms = 1_000): Promise<void> {
  if (socket.destroyed) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms)));
  await Promise.race([new Promise<void>((resolve) => socket.once('close', () => resolve())), timeout]).finally(() => clearTimeout(timer));
}

async function eventually(check: () => boolean, what: string, ms = 2_000): Promise<void> {
  for (const deadline = Date.now() + ms; !check(); await sleep(10)) if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
}

describe('httpPost connections', () => {
  // Fresh agents: connections are pooled per agent, so other tests' connections do not interfere.
  const newAgents = () => ({ httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) });
  const post = (url: string, overrides: Partial<HttpPostRequest> = {}) =>
    httpPost({ url, body: '{"a":1}', headers: { 'Content-Type': 'application/json' }, agents: newAgents(), followRedirects: true, bodyBytes: 256, timeout: 5_000, ...overrides });
  const failure = async (promise: Promise<unknown>): Promise<HttpPostError> => {
    const err = await promise.then(() => assert.fail('the request succeeded'), (e: unknown) => e);
    assert.ok(err instanceof HttpPostError, String(err));
    return err;
  };

  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('reuses one connection for sequential requests, and opens a new one after the server says Connection: close', async () => {
    const agents = newAgents();
    const server = await serve((r, res) => res.writeHead(200, r.url === '/close' ? { Connection: 'close' } : {}).end(r.url));
    for (const path of ['/a', '/b', '/close', '/c', '/d']) assert.equal((await post(`${server.origin}${path}`, { agents })).body.toString(), path);
    const ports = server.received.map((r) => r.remotePort);
    assert.equal(new Set(ports.slice(0, 3)).size, 1);
    assert.notEqual(ports[3], ports[2]);
    assert.equal(ports[4], ports[3]);
    assert.equal(server.sockets.length, 2);
  });

  it('writes head and body in one write, within the call when a connection is idle', async () => {
    const agents = newAgents();
    const server = await serve((_, res) => res.writeHead(200).end());
    const writes: Buffer[] = [];
    const write = Socket.prototype.write;
    Socket.prototype.write = function (this: Socket, chunk: unknown, ...rest: unknown[]) {
      if (Buffer.isBuffer(chunk) && chunk.toString('latin1', 0, 5) === 'POST ') writes.push(chunk);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof write;
    try {
      // A new connection: written once connected.
      await post(server.origin, { agents, body: 'first' });
      assert.equal(writes.length, 1);
      const pending = post(server.origin, { agents, body: 'second' });
      assert.equal(writes.length, 2, 'written before httpPost returned');
      await pending;
    } finally {
      Socket.prototype.write = write;
    }
    assert.match(writes[0].toString('latin1'), /^POST \/ HTTP\/1\.1\r\n[^]*\r\nContent-Length: 5\r\n[^]*\r\n\r\nfirst$/);
    assert.match(writes[1].toString('latin1'), /^POST \/ HTTP\/1\.1\r\n[^]*\r\n\r\nsecond$/);
    assert.equal(server.received[1].remotePort, server.received[0].remotePort);
  });

  it('does not reuse a connection across agents (their TLS settings differ)', async () => {
    const server = await serve((_, res) => res.writeHead(200).end());
    await post(server.origin);
    await post(server.origin);
    assert.notEqual(server.received[0].remotePort, server.received[1].remotePort);
  });

  it('retries once on a new connection when the server closed the reused one it was written to', async () => {
    for (const close of ['end', 'reset'] as const) {
      const agents = newAgents();
      // Answers a connection's first request, and drops it on the second, as a server closing it while idle would.
      const server = await serve((r, res) => {
        if (r.onConnection === 1) res.writeHead(200).end(r.body);
        else if (close === 'end') r.socket.destroy();
        else r.socket.resetAndDestroy();
      });
      assert.equal((await post(server.origin, { agents })).status, 200);
      const response = await post(server.origin, { agents, body: 'second' });
      assert.equal(response.status, 200, close);
      assert.equal(response.body.toString(), 'second');
      const [first, dropped, retried] = server.received;
      assert.equal(server.received.length, 3);
      // The retry really followed a reused connection, on a new one.
      assert.equal(dropped.remotePort, first.remotePort);
      assert.notEqual(retried.remotePort, first.remotePort);
      assert.equal(retried.body, 'second');
    }
  });

  it('retries on a new connection, not on another idle one that may be as stale', async () => {
    const agents = newAgents();
    const waiting: (() => void)[] = [];
    // Two requests at once leave two idle connections; then each connection is dropped at its second request.
    const server = await serve((r, res) => {
      if (r.onConnection > 1) return r.socket.destroy();
      waiting.push(() => res.writeHead(200).end());
      if (waiting.length === 2) waiting.forEach((answer) => answer());
      else if (waiting.length > 2) res.writeHead(200).end();
    });
    await Promise.all([post(server.origin, { agents }), post(server.origin, { agents })]);
    assert.equal((await post(server.origin, { agents })).status, 200);
    const [first, second, dropped, retried] = server.received;
    assert.equal(server.received.length, 4);
    assert.ok([first.remotePort, second.remotePort].includes(dropped.remotePort));
    assert.equal(retried.onConnection, 1);
  });

  it('succeeds when the server closes each connection right after answering', async () => {
    const agents = newAgents();
    const server = await serve((_, res) => res.writeHead(200).end('ok', () => res.socket?.destroy()));
    for (let i = 0; i < 20; i++) assert.equal((await post(server.origin, { agents })).status, 200);
    assert.equal(server.received.length >= 20, true);
  });

  it('does not retry a new connection, nor twice: the failure is ECONNRESET', async () => {
    const fresh = await serve((r) => r.socket.destroy());
    assert.equal((await failure(post(fresh.origin))).code, 'ECONNRESET');
    assert.equal(fresh.received.length, 1);

    const agents = newAgents();
    let answered = 0;
    const once = await serve((r, res) => (answered++ === 0 ? res.writeHead(200).end() : r.socket.destroy()));
    assert.equal((await post(once.origin, { agents })).status, 200);
    assert.equal((await failure(post(once.origin, { agents }))).code, 'ECONNRESET');
    // The reused connection, then one retry on a new one.
    assert.equal(once.received.length, 3);
  });

  it('answers many requests at once, each on its own connection, and keeps a bounded number idle', async () => {
    const agents = newAgents();
    const count = MAX_IDLE_PER_ORIGIN + 20;
    const waiting: (() => void)[] = [];
    // No answer until all requests arrived: shows they are in flight together, none waiting for another's connection.
    const server = await serve((r, res) => {
      const answer = () => res.writeHead(200).end(`echo ${r.body}`);
      if (server.received.length > count) return answer();
      waiting.push(answer);
      if (waiting.length === count) waiting.forEach((waiter) => waiter());
    });
    const responses = await Promise.all(Array.from({ length: count }, (_, i) => post(server.origin, { agents, body: `n${i}` })));
    responses.forEach((response, i) => assert.equal(response.body.toString(), `echo n${i}`));
    assert.equal(new Set(server.received.map((r) => r.remotePort)).size, count);
    await eventually(() => server.sockets.filter((s) => !s.destroyed).length === MAX_IDLE_PER_ORIGIN, `${MAX_IDLE_PER_ORIGIN} open connections`);
    // The kept ones serve the next requests.
    await Promise.all(Array.from({ length: 5 }, () => post(server.origin, { agents })));
    assert.equal(server.sockets.length, count);
  });

  it('connects to an IPv6 literal, sending its bracketed Host', async () => {
    const agents = newAgents();
    const server = await serve((_, res) => res.writeHead(200).end(), { host: '::1' });
    assert.equal(server.origin, `http://[::1]:${server.port}`);
    assert.equal((await post(`${server.origin}/v6`, { agents })).status, 200);
    assert.equal((await post(`${server.origin}/v6`, { agents })).status, 200);
    assert.equal(server.received[0].headers.host, `[::1]:${server.port}`);
    assert.equal(server.received[0].socket.remoteAddress, '::1');
    assert.equal(server.received[1].remotePort, server.received[0].remotePort);
  });

  it('sends Host without the default port, and the user info of the URL as Basic credentials unless Authorization is given', async () => {
    const server = await serve((_, res) => res.writeHead(200).end());
    await post(`http://us%C3%A9r:p%40ss@127.0.0.1:${server.port}/`);
    await post(`http://user:pw@127.0.0.1:${server.port}/`, { headers: { authorization: 'Bearer given' } });
    assert.equal(server.received[0].headers.authorization, `Basic ${Buffer.from('usér:p@ss').toString('base64')}`);
    assert.equal(server.received[0].headers.host, `127.0.0.1:${server.port}`);
    assert.equal(server.received[1].headers.authorization, 'Bearer given');
    assert.equal(server.received[0].headers.connection, 'keep-alive');
  });

  it('refuses header names and values that could inject lines, before connecting', async () => {
    const server = await serve((_, res) => res.writeHead(200).end());
    for (const [headers, code] of [
      [{ 'X-A': 'a\r\nX-Injected: 1' }, 'ERR_INVALID_CHAR'],
      [{ 'X-A': 'a\nb' }, 'ERR_INVALID_CHAR'],
      [{ 'X-A': 'a\0b' }, 'ERR_INVALID_CHAR'],
      [{ 'X-A\r\nX-Injected': '1' }, 'ERR_INVALID_HTTP_TOKEN'],
      [{ 'X A': '1' }, 'ERR_INVALID_HTTP_TOKEN'],
      [{ '': '1' }, 'ERR_INVALID_HTTP_TOKEN'],
    ] as [Record<string, string>, string][]) {
      const err = await failure(post(server.origin, { headers }));
      assert.equal(err.code, code, JSON.stringify(headers));
      assert.ok(!err.message.includes('X-A') && !err.message.includes('Injected'));
    }
    assert.equal(server.sockets.length, 0);
    // A tab is fine, as are Latin-1 letters.
    assert.equal((await post(server.origin, { headers: { 'X-A': 'a\tcafé' } })).status, 200);
  });

  it('closes, never reuses, the connection of a request cancelled mid-response', async () => {
    const agents = newAgents();
    const server = await serve((r, res) => (r.onConnection === 1 && r.url === '/stall' ? res.writeHead(200).write('partial') : res.writeHead(200).end()));
    assert.equal((await failure(post(`${server.origin}/stall`, { agents, timeout: 100 }))).code, 'ETIMEDOUT');
    await closedWithin(server.received[0].socket);
    assert.equal((await post(server.origin, { agents })).status, 200);
    assert.notEqual(server.received[1].remotePort, server.received[0].remotePort);
  });

  it('closes the connection of a malformed response, of one followed by extra bytes, and of Connection: close', async () => {
    const agents = newAgents();
    // Leaves every connection open: only the client closes them.
    const raw = await serveRaw((socket, request) => {
      if (request.startsWith('POST /garbage')) socket.write('HTTP/1.1 2x0 Nope\r\n\r\n');
      else if (request.startsWith('POST /extra')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokJUNK');
      else if (request.startsWith('POST /close')) socket.write('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok');
      else socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    assert.equal((await failure(post(`${raw.origin}/garbage`, { agents }))).code, 'HPE_INVALID_STATUS');
    await closedWithin(raw.sockets[0]);
    assert.equal((await post(`${raw.origin}/extra`, { agents })).body.toString(), 'ok');
    await closedWithin(raw.sockets[1]);
    assert.equal((await post(`${raw.origin}/close`, { agents })).body.toString(), 'ok');
    await closedWithin(raw.sockets[2]);
    assert.equal((await post(`${raw.origin}/fine`, { agents })).status, 200);
    assert.equal((await post(`${raw.origin}/fine`, { agents })).status, 200);
    assert.equal(raw.sockets.length, 4);
  });

  it('reads an HTTP/1.0 body until the connection ends, and keeps HTTP/1.0 connections only with keep-alive', async () => {
    const agents = newAgents();
    const raw = await serveRaw((socket, request) => {
      if (request.startsWith('POST /until-close')) socket.end('HTTP/1.0 200 OK\r\n\r\nall of it');
      else socket.write('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 4\r\n\r\nkept');
    });
    assert.equal((await post(`${raw.origin}/until-close`, { agents })).body.toString(), 'all of it');
    assert.equal((await post(`${raw.origin}/kept`, { agents })).body.toString(), 'kept');
    assert.equal((await post(`${raw.origin}/kept`, { agents })).body.toString(), 'kept');
    assert.equal(raw.sockets.length, 2);
  });

  it("closes idle connections before the server's Keep-Alive timeout", async () => {
    const agents = newAgents();
    const server = await serve((r, res) => res.writeHead(200, r.url === '/hint' ? { 'Keep-Alive': 'timeout=1' } : {}).end());
    server.server.keepAliveTimeout = 60_000;
    await post(`${server.origin}/hint`, { agents });
    // timeout=1 s less 500 ms: we close it, the server would have waited a minute.
    const started = Date.now();
    await closedWithin(server.received[0].socket, 2_000);
    const waited = Date.now() - started;
    assert.ok(waited >= 350 && waited < 1_000, `closed after ${waited} ms`);
    await post(`${server.origin}/plain`, { agents });
    await sleep(600);
    await post(`${server.origin}/plain`, { agents });
    assert.equal(server.received[2].remotePort, server.received[1].remotePort);
  });

  it('lets the process exit while connections are idle, and keeps it alive while one is in use', async () => {
    const server = await serve((r, res) => setTimeout(() => res.writeHead(200).end(), r.onConnection === 2 ? 300 : 0));
    server.server.keepAliveTimeout = 60_000;
    // The second request reuses the idle (unreferenced) connection; nothing else keeps the child's event loop going.
    const script = `
      const { Agent } = require('node:http');
      const { Agent: HttpsAgent } = require('node:https');
      const { httpPost } = require(${JSON.stringify(join(__dirname, 'http-post.js'))});
      const agents = { httpAgent: new Agent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) };
      const post = () => httpPost({ url: ${JSON.stringify(server.origin)}, body: '', headers: {}, agents, followRedirects: false, bodyBytes: 0 });
      post().then(() => setTimeout(() => post().then((r) => console.log('status', r.status)), 50));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill(), 10_000);
      child.on('exit', (exitCode) => (clearTimeout(timer), resolve(exitCode)));
    });
    assert.equal(code, 0);
    assert.equal(output.trim(), 'status 200');
    assert.equal(server.received.length, 2);
    assert.equal(server.received[1].remotePort, server.received[0].remotePort);
    assert.ok(Date.now() - started < 8_000);
  });

  describe('over TLS', () => {
    let certs: TestCertificates;
    let secure: TestServer;
    const tlsAgents = (tlsConfig: Partial<TlsConfig>) => httpConfigAgents({ followRedirects: true, enableHttp2: true, proxyFromEnvironment: false, tlsConfig: { insecureSkipVerify: false, ...tlsConfig } });

    before(async () => {
      certs = makeTestCertificates();
      const server = createHttpsServer({ cert: readFileSync(certs.serverCert), key: readFileSync(certs.serverKey), ca: readFileSync(certs.caCert), requestCert: true, rejectUnauthorized: false });
      secure = await serve((r, res) => {
        const socket = r.socket as TLSSocket;
        // A resumed session does not show the client certificate again.
        const client = socket.authorized ? (socket.getPeerCertificate().subject?.CN ?? 'resumed') : '';
        res.writeHead(200).end(JSON.stringify({ sni: socket.servername || '', client, resumed: socket.isSessionReused() }));
      }, { server, scheme: 'https' });
    });

    after(() => {
      if (certs) rmSync(certs.dir, { recursive: true, force: true });
    });

    const answer = async (url: string, overrides: Partial<HttpPostRequest>) => JSON.parse((await post(url, { bodyBytes: 1024, ...overrides })).body.toString());

    it('sends SNI for a host name or the configured server_name, never for an address', async () => {
      const agents = tlsAgents({ caFile: certs.caCert });
      assert.equal((await answer(`https://localhost:${secure.port}/`, { agents })).sni, 'localhost');
      assert.equal((await answer(`https://127.0.0.1:${secure.port}/`, { agents })).sni, '');
      const named = tlsAgents({ caFile: certs.caCert, serverName: 'localhost' });
      assert.equal((await answer(`https://127.0.0.1:${secure.port}/`, { agents: named })).sni, 'localhost');
      // The certificate is checked against server_name: it has no SAN for this one.
      const wrong = tlsAgents({ caFile: certs.caCert, serverName: 'elsewhere.example' });
      assert.equal((await failure(post(`https://127.0.0.1:${secure.port}/`, { agents: wrong }))).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
    });

    it('presents the client certificate of the tls_config', async () => {
      const withCert = tlsAgents({ caFile: certs.caCert, certFile: certs.clientCert, keyFile: certs.clientKey });
      assert.equal((await answer(`${secure.origin}/`, { agents: withCert })).client, 'klaxon-client');
      assert.equal((await answer(`${secure.origin}/`, { agents: tlsAgents({ caFile: certs.caCert }) })).client, '');
    });

    it('resumes the TLS session on a new connection, and reuses connections', async () => {
      const agents = tlsAgents({ caFile: certs.caCert });
      const first = await answer(`${secure.origin}/`, { agents, headers: { Connection: 'close' } });
      const second = await answer(`${secure.origin}/`, { agents });
      const third = await answer(`${secure.origin}/`, { agents });
      assert.deepEqual([first.resumed, second.resumed], [false, true]);
      const [, secondReceived, thirdReceived] = secure.received.slice(-3);
      assert.notEqual(secondReceived.remotePort, secure.received.at(-3)!.remotePort);
      assert.equal(thirdReceived.remotePort, secondReceived.remotePort);
      assert.equal(third.resumed, true);
    });

    it('keeps TLS error codes', async () => {
      // This server sends its CA along (it has one to check clients); the other spec checks UNABLE_TO_VERIFY_LEAF_SIGNATURE.
      const err = await failure(post(`${secure.origin}/`, { agents: tlsAgents({}) }));
      assert.equal(err.code, 'SELF_SIGNED_CERT_IN_CHAIN');
    });
  });
});
