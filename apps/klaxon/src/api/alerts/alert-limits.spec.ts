import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertLimitError, requestLimitError } from './alert-limits';
import type { StoredAlert } from '../../../../../libs/dispatch/src';

const limits = { maxPerRequest: 3, maxLabels: 2, maxLabelBytes: 10 };
const alert = (labels: Record<string, string>) => ({ labels } as StoredAlert);

test('requests with more alerts than the limit are refused; 0 means no limit', () => {
  assert.equal(requestLimitError(3, limits), undefined);
  assert.match(requestLimitError(4, limits)!, /too many alerts in one request: 4 \(the limit is 3, --alerts\.max-per-request\)/);
  assert.equal(requestLimitError(1e6, { ...limits, maxPerRequest: 0 }), undefined);
});

test('label count and label size limits, counted in UTF-8 bytes of name and value', () => {
  assert.equal(alertLimitError(alert({ a: '1', b: '2' }), limits), undefined);
  assert.match(alertLimitError(alert({ a: '1', b: '2', c: '3' }), limits)!, /too many labels: 3 \(the limit is 2/);
  assert.equal(alertLimitError(alert({ abcde: '12345' }), limits), undefined);
  assert.match(alertLimitError(alert({ a: 'ééééé' }), limits)!, /label "a" is 11 bytes long/);
  assert.equal(alertLimitError(alert({ a: 'x'.repeat(100) }), { ...limits, maxLabelBytes: 0 }), undefined);
});
