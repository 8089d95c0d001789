import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { effectiveGetConcurrency, installRequestLimits } from './request-limits';

async function serverWithSlowRoute(getConcurrency: number, timeoutMs: number) {
  const app = Fastify();
  installRequestLimits(app, getConcurrency, timeoutMs);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  app.get('/slow', async () => {
    await gate;
    return 'done';
  });
  app.get('/fast', async () => 'fast');
  app.post('/slow', async () => {
    await gate;
    return 'posted';
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${address.port}`, release };
}

test('GET requests beyond --web.get-concurrency get 503 with Alertmanager\'s text; others are unaffected', async () => {
  const { app, base, release } = await serverWithSlowRoute(2, 0);
  try {
    const held = [fetch(`${base}/slow`), fetch(`${base}/slow`)];
    await new Promise((r) => setTimeout(r, 100));
    const over = await fetch(`${base}/fast`);
    assert.equal(over.status, 503);
    assert.equal(await over.text(), 'Limit of concurrent GET requests reached (2), try again later.\n');
    const post = fetch(`${base}/slow`, { method: 'POST' }); // POST is not limited
    release();
    for (const r of await Promise.all(held)) assert.equal(r.status, 200);
    assert.equal((await post).status, 200);
    const after = await fetch(`${base}/fast`);
    assert.equal(after.status, 200, 'slots are given back when requests finish');
  } finally {
    await app.close();
  }
});

test('--web.timeout answers 503 when a request takes too long', async () => {
  const { app, base, release } = await serverWithSlowRoute(0, 200);
  try {
    const started = Date.now();
    const r = await fetch(`${base}/slow`);
    assert.equal(r.status, 503);
    assert.equal(await r.text(), 'Exceeded configured timeout of 200ms.\n');
    assert.ok(Date.now() - started < 2000);
    assert.equal((await fetch(`${base}/fast`)).status, 200);
  } finally {
    release();
    await app.close();
  }
});

test('a zero or negative limit means max(CPUs, 8)', () => {
  assert.ok(effectiveGetConcurrency(0) >= 8);
  assert.ok(effectiveGetConcurrency(-1) >= 8);
  assert.equal(effectiveGetConcurrency(3), 3);
});
