import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../http/api-error';
import { readPostableSilence } from './postable-silence';

const base = { matchers: [{ name: 'a', value: 'b', isRegex: true, isEqual: false }], startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z', createdBy: 'me', comment: '' };

test('readPostableSilence maps isRegex/isEqual to operators, empty id to none', () => {
  const s = readPostableSilence({ ...base, id: '' });
  assert.deepEqual(s.matchers, [{ name: 'a', type: '!~', value: 'b' }]);
  assert.equal(s.id, undefined);
  assert.equal(s.comment, '');
  const eq = readPostableSilence({ ...base, matchers: [{ name: 'a', value: 'b', isRegex: false }] });
  assert.equal(eq.matchers[0].type, '=', 'isEqual defaults to true');
});

test('readPostableSilence: first schema error in field order, 422', () => {
  const err = (body: unknown) => {
    try {
      readPostableSilence(body);
    } catch (e) {
      return e as ApiError;
    }
    assert.fail('no error');
  };
  assert.deepEqual(err({ ...base, comment: undefined, startsAt: undefined }).body, { kind: 'code', code: 602, message: 'comment in body is required' });
  assert.equal(err({ ...base, matchers: [{ name: 'a', isRegex: false }] }).message, 'matchers.0.value in body is required');
  assert.equal(err({ ...base, comment: 3 }).status, 400, 'a wrong type is a decoding error');
});
