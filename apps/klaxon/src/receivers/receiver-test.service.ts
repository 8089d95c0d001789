// Sends a test notification through every integration of one receiver, with its real settings and the
// configured templates, and reports each integration's outcome. Every attempt is also recorded in the
// notification history (reason `test`).
import { Injectable } from '@nestjs/common';
import type { Notifier } from '../../../../libs/notify/src';
import { ConfigStore } from '../config/config-store';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { DeliveryHistory } from './delivery-history';
import { receiverNotifiers } from './receiver-notifiers';
import { testNotification } from './test-notification';

/** One attempt per integration, bounded so a hanging receiver cannot hold the request. */
export const TEST_TIMEOUT_MS = 15_000;

export interface IntegrationTestResult {
  integration: string;
  index: number;
  outcome: 'delivered' | 'failed';
  latencyMs: number;
  error?: string;
}

export class UnknownReceiverError extends Error {}

@Injectable()
export class ReceiverTestService {
  private readonly notifiers: Notifier[];

  constructor(
    private readonly configStore: ConfigStore,
    private readonly runtime: KlaxonRuntime,
    private readonly history: DeliveryHistory,
  ) {
    this.notifiers = receiverNotifiers(configStore);
  }

  async test(receiverName: string, timeoutMs = TEST_TIMEOUT_MS): Promise<{ receiver: string; results: IntegrationTestResult[] }> {
    const receiver = this.configStore.config.receivers.find((r) => r.name === receiverName);
    if (!receiver) throw new UnknownReceiverError(`receiver ${JSON.stringify(receiverName)} does not exist`);
    const notification = testNotification(receiver.name, Date.now(), this.runtime.externalUrl);
    const sends = this.notifiers.flatMap((notifier) =>
      notifier.configs(receiver).map(async (config, index): Promise<IntegrationTestResult> => {
        const startedAt = Date.now();
        let error: string | undefined;
        try {
          await notifier.send(config, notification, AbortSignal.timeout(timeoutMs));
        } catch (err) {
          error = (err as Error).message;
        }
        const outcome = error === undefined ? 'delivered' : 'failed';
        await this.history.record({ ...notification, integration: notifier.integration, index, outcome, attempts: 1, startedAt, error, test: true });
        return { integration: notifier.integration, index, outcome, latencyMs: Date.now() - startedAt, ...(error !== undefined ? { error } : {}) };
      }),
    );
    return { receiver: receiver.name, results: await Promise.all(sends) };
  }
}
