import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { makeTestCertificates, type TestCertificates } from '../../../../test/support/test-certificates';
import { httpPost, HttpPostError, type HttpPostRequest } from './http-post';
import { httpConfigAgents } from './http-request-options';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number;
}

type Handler = (req: Received, res: ServerResponse) => void;

/** A loopback server answering with `handler` after reading each request body; records every request. */
async function startServer(handler: Handler, server: Server = createServer(), scheme = 'http'): Promise<{ origin: string; port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body, remotePort: req.socket.remotePort! };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const SECRET = 'Bearer s3cret-token';

describe('httpPost', () => {
  const agents = { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) };
  const servers: { close: () => Promise<void> }[] = [];
  const serve = async (handler: Handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };
  const post = (url: string, overrides: Partial<HttpPostRequest> = {}) =>
    httpPost({ url, body: '{"a":1}', headers: { 'Content-Type': 'application/json', Authorization: SECRET }, agents, followRedirects: true, bodyBytes: 256, ...overrides });
  const failure = async (promise: Promise<unknown>): Promise<HttpPostError> => {
    const err = await promise.then(() => assert.fail('the request succeeded'), (e: unknown) => e);
    assert.ok(err instanceof HttpPostError, String(err));
    return err;
  };

  after(async () => {
    agents.httpAgent.destroy();
    agents.httpsAgent.destroy();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('posts the body with Content-Length and the given headers, and returns status and body', async () => {
    const server = await serve((_, res) => res.writeHead(201).end('created'));
    const response = await post(`${server.origin}/hook?x=1`);
    assert.equal(response.status, 201);
    assert.equal(response.body.toString(), 'created');
    const [r] = server.received;
    assert.equal(r.method, 'POST');
    assert.equal(r.url, '/hook?x=1');
    assert.equal(r.body, '{"a":1}');
    assert.equal(r.headers['content-length'], '7');
    assert.equal(r.headers['content-type'], 'application/json');
    assert.equal(r.headers.authorization, SECRET);
  });

  it('keeps only the first bodyBytes bytes of the body, and reads the rest so the connection is reused', async () => {
    const server = await serve((_, res) => res.writeHead(500).end('x'.repeat(300_000)));
    const first = await post(server.origin);
    assert.equal(first.status, 500);
    assert.equal(first.body.toString(), 'x'.repeat(256));
    const second = await post(server.origin, { bodyBytes: 3 });
    assert.equal(second.body.toString(), 'xxx');
    assert.equal(server.received[0].remotePort, server.received[1].remotePort);
  });

  it('reuses the keep-alive connection for sequential requests', async () => {
    const server = await serve((_, res) => res.writeHead(200).end());
    await post(server.origin);
    await post(server.origin);
    assert.equal(server.received.length, 2);
    assert.equal(server.received[0].remotePort, server.received[1].remotePort);
  });

  it('follows 301, 302 and 303 with a GET without body', async () => {
    for (const status of [301, 302, 303]) {
      const server = await serve((r, res) => (r.url === '/target' ? res.writeHead(200).end('done') : res.writeHead(status, { Location: '/target' }).end('moved')));
      const response = await post(`${server.origin}/start`);
      assert.equal(response.status, 200);
      assert.equal(response.body.toString(), 'done');
      const [, target] = server.received;
      assert.equal(target.method, 'GET');
      assert.equal(target.url, '/target');
      assert.equal(target.body, '');
      assert.equal(target.headers['content-length'], undefined);
      assert.equal(target.headers.authorization, SECRET);
    }
  });

  it('follows 307 and 308 with the same method and body', async () => {
    for (const status of [307, 308]) {
      const target = await serve((_, res) => res.writeHead(200).end());
      const server = await serve((_, res) => res.writeHead(status, { Location: `${target.origin}/target` }).end());
      assert.equal((await post(server.origin)).status, 200);
      const [r] = target.received;
      assert.equal(r.method, 'POST');
      assert.equal(r.body, '{"a":1}');
      assert.equal(r.headers['content-length'], '7');
      // Another port on the same host: Go keeps the credentials.
      assert.equal(r.headers.authorization, SECRET);
    }
  });

  it('follows up to ten requests, as Go does, then fails', async () => {
    const chain = (redirects: number) =>
      serve((r, res) => {
        const hop = Number(r.url.slice(1));
        if (hop < redirects) res.writeHead(302, { Location: `/${hop + 1}` }).end();
        else res.writeHead(200).end();
      });
    const nine = await chain(9);
    assert.equal((await post(`${nine.origin}/0`)).status, 200);
    assert.equal(nine.received.length, 10);
    const ten = await chain(10);
    const err = await failure(post(`${ten.origin}/0`));
    assert.equal(err.code, 'ERR_FR_TOO_MANY_REDIRECTS');
    assert.equal(ten.received.length, 10);
  });

  it('returns the redirect itself when redirects are not followed, or when it has no Location', async () => {
    const server = await serve((r, res) => (r.url === '/bare' ? res.writeHead(302).end() : res.writeHead(302, { Location: '/target' }).end('see /target')));
    const response = await post(server.origin, { followRedirects: false });
    assert.equal(response.status, 302);
    assert.equal(response.body.toString(), 'see /target');
    assert.equal((await post(`${server.origin}/bare`)).status, 302);
    assert.equal(server.received.length, 2);
  });

  it('ignores Location on answers that are not redirects', async () => {
    const server = await serve((_, res) => res.writeHead(201, { Location: 'http://[broken' }).end());
    assert.equal((await post(server.origin)).status, 201);
    assert.equal(server.received.length, 1);
  });

  it('drops Authorization on a redirect to another host, and does not send it back when returning', async () => {
    const server = await serve((r, res) => {
      if (r.url === '/start') res.writeHead(307, { Location: `http://localhost:${port}/away` }).end();
      else if (r.url === '/away') res.writeHead(307, { Location: `http://127.0.0.1:${port}/back` }).end();
      else res.writeHead(200).end();
    });
    const port = server.port;
    await post(`${server.origin}/start`, { headers: { Authorization: SECRET, Cookie: 'c=1', 'X-Team': 'a' } });
    const [start, away, back] = server.received;
    assert.equal(start.headers.authorization, SECRET);
    for (const r of [away, back]) {
      assert.equal(r.headers.authorization, undefined);
      assert.equal(r.headers.cookie, undefined);
      assert.equal(r.headers['x-team'], 'a');
      assert.equal(r.body, '{"a":1}');
    }
  });

  it('times out the whole exchange, waiting for headers or for the body', async () => {
    const silent = await serve(() => undefined);
    let started = Date.now();
    assert.equal((await failure(post(silent.origin, { timeout: 100 }))).code, 'ETIMEDOUT');
    assert.ok(Date.now() - started < 2_000);
    const stalling = await serve((_, res) => res.writeHead(200).write('partial'));
    started = Date.now();
    assert.equal((await failure(post(stalling.origin, { timeout: 100 }))).code, 'ETIMEDOUT');
    assert.ok(Date.now() - started < 2_000);
    const fine = await serve((_, res) => res.writeHead(200).end());
    assert.equal((await post(fine.origin, { timeout: 0 })).status, 200);
  });

  it('stops when the signal aborts, or before sending when it already has', async () => {
    const silent = await serve(() => undefined);
    const controller = new AbortController();
    const pending = post(silent.origin, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.equal((await failure(pending)).code, 'ERR_CANCELED');
    const before = silent.received.length;
    assert.equal((await failure(post(silent.origin, { signal: AbortSignal.abort() }))).code, 'ERR_CANCELED');
    assert.equal(silent.received.length, before);
  });

  it('names failures by a code only, never by URL or headers', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    const url = `http://user:pw-secret@127.0.0.1:${closed.port}/path-secret?token=query-secret`;
    for (const [target, code] of [
      [url, 'ECONNREFUSED'],
      ['http://[not-a-url/path-secret', 'ERR_INVALID_URL'],
      ['ftp://127.0.0.1/path-secret', 'ERR_INVALID_PROTOCOL'],
    ]) {
      const err = await failure(post(target));
      assert.equal(err.code, code);
      assert.equal(err.message, `HTTP request failed: ${code}`);
      for (const secret of ['secret', 'Bearer', '127.0.0.1']) assert.ok(!`${err.message} ${err.stack}`.includes(secret), `${code} mentions ${secret}`);
    }
  });

  describe('over TLS', () => {
    let certs: TestCertificates;
    let secure: Awaited<ReturnType<typeof startServer>>;

    before(async () => {
      certs = makeTestCertificates();
      const server = createHttpsServer({ cert: readFileSync(certs.serverCert), key: readFileSync(certs.serverKey) });
      secure = await startServer((_, res) => res.writeHead(200).end(), server, 'https');
    });

    after(async () => {
      await secure?.close();
      if (certs) rmSync(certs.dir, { recursive: true, force: true });
    });

    it('uses the tls_config agent, verifying the server against its CA', async () => {
      const base = { followRedirects: true, enableHttp2: true, proxyFromEnvironment: false };
      const trusting = httpConfigAgents({ ...base, tlsConfig: { caFile: certs.caCert, insecureSkipVerify: false } });
      assert.equal((await post(`${secure.origin}/`, { agents: trusting })).status, 200);
      assert.equal((await post(`${secure.origin}/`, { agents: trusting })).status, 200);
      assert.equal(secure.received[0].remotePort, secure.received[1].remotePort);
      const err = await failure(post(`https://127.0.0.1:${secure.port}/`, { agents: httpConfigAgents(base) }));
      assert.equal(err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    });
  });
});
