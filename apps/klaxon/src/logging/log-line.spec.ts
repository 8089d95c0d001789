import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLogLine } from './log-line';

const t = new Date('2026-11-24T01:02:03.004Z');

test('logfmt quotes values with spaces and keeps plain values bare', () => {
  const line = formatLogLine('logfmt', t, 'info', 'Listening on', { address: '127.0.0.1:9093', component: 'web' });
  assert.equal(line, 'ts=2026-11-24T01:02:03.004Z level=info component=web msg="Listening on" address=127.0.0.1:9093');
});

test('logfmt escapes quotes and newlines so one event stays one line', () => {
  const line = formatLogLine('logfmt', t, 'warn', 'bad', { err: 'a "b"\nc' });
  assert.equal(line, 'ts=2026-11-24T01:02:03.004Z level=warn msg=bad err="a \\"b\\"\\nc"');
});

test('json format carries the same fields', () => {
  const line = formatLogLine('json', t, 'error', 'failed', { receiver: 'team', err: new Error('boom') });
  assert.deepEqual(JSON.parse(line), { ts: '2026-11-24T01:02:03.004Z', level: 'error', msg: 'failed', receiver: 'team', err: 'boom' });
});

test('secret-looking fields are redacted in both formats', () => {
  for (const format of ['logfmt', 'json'] as const) {
    const line = formatLogLine(format, t, 'info', 'x', { auth_password: 'hunter2', routing_key: 'rk', api_key: 'k' });
    assert.ok(!line.includes('hunter2') && !line.includes('rk"') && !/=rk\b/.test(line) && !line.includes('"k"'), line);
    assert.ok(line.includes('<secret>'));
  }
});
