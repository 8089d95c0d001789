import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../http/api-error';
import { readAlertFilter } from './alert-filter';


test('readAlertFilter: booleans default to true, unknown words read as false (0.25), receiver anchored', () => {
  const f = readAlertFilter({ active: 'maybe', silenced: 'false', filter: ['a=b', 'c=~d'], receiver: 'team-.*' });
  assert.deepEqual([f.active, f.silenced, f.inhibited, f.muted], [false, false, true, true]);
  assert.equal(f.matchers.length, 2);
  assert.equal(f.receiver?.test('team-x'), true);
  assert.equal(f.receiver?.test('my-team-x'), false);
});

test('readAlertFilter: bad matcher or regex is a 400 JSON string', () => {
  assert.throws(() => readAlertFilter({ filter: '{a=b}' }), (err: ApiError) => err.status === 400 && err.body.kind === 'string');
  assert.throws(() => readAlertFilter({ receiver: '(' }), (err: ApiError) => err.message.startsWith('failed to parse receiver param: '));
});
