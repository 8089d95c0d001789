import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';

let k: KlaxonProcess;
before(async () => {
  k = await KlaxonProcess.start({ config: 'route:\n  receiver: b\nreceivers:\n  - name: b\n', args: ['--web.external-url=http://am.example:9093/foo/'] });
});
after(async () => k?.cleanup());

test('health endpoints live under the prefix taken from --web.external-url', async () => {
  assert.equal((await fetch(`${k.baseUrl}/foo/-/healthy`)).status, 200);
  assert.equal((await fetch(`${k.baseUrl}/foo/-/ready`)).status, 200);
  assert.equal((await fetch(`${k.baseUrl}/-/healthy`)).status, 404);
});

test('404 and 405 in Alertmanager\'s format, with the path as the API sees it (below the prefix)', async () => {
  const missing = await fetch(`${k.baseUrl}/foo/api/v2/nope`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { code: 404, message: 'path /api/v2/nope was not found' });
  const wrong = await fetch(`${k.baseUrl}/foo/api/v2/alerts`, { method: 'PUT' });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET,POST');
  assert.deepEqual(await wrong.json(), { code: 405, message: 'method PUT is not allowed, but [GET,POST] are' });
});
