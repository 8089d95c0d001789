import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HistoryQueryError, parseHistoryQuery } from './history-query';

describe('parseHistoryQuery', () => {
  it('reads every filter', () => {
    assert.deepEqual(
      parseHistoryQuery({ receiver: 'team', integration: 'email', outcome: 'failed', group_label: ['alertname=Disk', 'env=a=b'], since: '2026-11-24T03:00:00Z', until: '1795489200000', limit: '5', cursor: '1795489200000-3' }),
      { receiver: 'team', integration: 'email', outcome: 'failed', groupLabels: { alertname: 'Disk', env: 'a=b' }, since: Date.parse('2026-11-24T03:00:00Z'), until: 1795489200000, limit: 5, cursor: '1795489200000-3' },
    );
    assert.deepEqual(parseHistoryQuery({}), { limit: 100 });
  });

  it('rejects what it cannot read', () => {
    for (const params of [{ limit: '1001' }, { limit: '-1' }, { outcome: 'ok' }, { since: 'x' }, { group_label: '=v' }, { cursor: '1-2-3' }, { receiver: ['a', 'b'] }]) {
      assert.throws(() => parseHistoryQuery(params), HistoryQueryError, JSON.stringify(params));
    }
  });
});
