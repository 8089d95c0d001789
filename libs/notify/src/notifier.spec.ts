import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Notification, Notifier, NotifyError, prepareSend } from './notifier';

const notification: Notification = { receiver: 'r', groupKey: '{}:{}', groupLabels: {}, alerts: [], now: 0, reason: 'new_alerts', externalUrl: 'http://am' };
const signal = new AbortController().signal;

describe('prepareSend', () => {
  it('uses send for every attempt when the notifier prepares nothing', async () => {
    const sent: Notification[] = [];
    const notifier: Notifier<string> = { integration: 'x', configs: () => [], sendResolved: () => true, send: async (_c, n) => void sent.push(n) };
    const send = prepareSend(notifier, 'cfg', notification);
    await send(signal);
    await send(signal);
    assert.deepEqual(sent, [notification, notification]);
  });

  it('prepares once, ahead of the attempts, which then only deliver', async () => {
    const calls: string[] = [];
    const notifier: Notifier<string> = {
      integration: 'x',
      configs: () => [],
      sendResolved: () => true,
      send: async () => void calls.push('send'),
      prepare: (config, n) => {
        calls.push(`prepare ${config} ${n.receiver}`);
        return async () => void calls.push('attempt');
      },
    };
    const send = prepareSend(notifier, 'cfg', notification);
    assert.deepEqual(calls, ['prepare cfg r']);
    await send(signal);
    await send(signal);
    assert.deepEqual(calls, ['prepare cfg r', 'attempt', 'attempt']);
  });

  it('turns a failing preparation into a failed attempt', async () => {
    const error = new NotifyError('webhook has no URL', false, 'other');
    const notifier: Notifier<string> = {
      integration: 'x',
      configs: () => [],
      sendResolved: () => true,
      send: async () => undefined,
      prepare: () => {
        throw error;
      },
    };
    const send = prepareSend(notifier, 'cfg', notification);
    await assert.rejects(send(signal), (err) => err === error);
  });
});
