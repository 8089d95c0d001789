// Runs a scenario on a timeline: actions at set seconds after a base time, then checks every
// collector (Alertmanager's test/with_api_v2 AcceptanceTest, reference 4.1).
import { deleteSilence, postAlerts, postSilence } from './api-client';
import type { AlertSpec, SilenceSpec } from './alert-spec';
import { Collector } from './collector';
import { RouterUnderTest, TargetName, startRouter } from './router-under-test';
import { WebhookReceiver } from './webhook-receiver';

export const DEFAULT_TOLERANCE_MS = 150;

/** A webhook whose notifications feed a collector. */
export interface CollectingWebhook extends Pick<Collector, 'want'> {
  readonly address: string;
  readonly receiver: WebhookReceiver;
  readonly collector: Collector;
}

export class AcceptanceTest {
  private readonly collectors: Collector[] = [];
  private readonly receivers: WebhookReceiver[] = [];
  private readonly actions: { at: number; run: () => Promise<void> }[] = [];
  private router?: RouterUnderTest;
  private base = 0;

  constructor(private readonly options: { tolerance?: number; target?: TargetName } = {}) {}

  /**
   * A webhook receiver. `drop(ts)` returning true answers 200 without recording, as
   * Alertmanager's MockWebhook.Func does.
   */
  async webhook(name: string, drop?: (ts: number) => boolean): Promise<CollectingWebhook> {
    const collector = new Collector(name, this.options.tolerance ?? DEFAULT_TOLERANCE_MS);
    const receiver = await WebhookReceiver.start((n) => {
      const ts = (n.receivedAt - this.base) / 1000;
      if (drop?.(ts)) return { record: false };
      collector.add(ts, n.body.alerts ?? []);
      return {};
    });
    this.collectors.push(collector);
    this.receivers.push(receiver);
    return { address: receiver.address, receiver, collector, want: collector.want.bind(collector) };
  }

  /** Starts the router; if it cannot start, the webhooks are closed too. */
  async start(config: string): Promise<RouterUnderTest> {
    try {
      this.router = await startRouter(config, this.options.target);
    } catch (err) {
      await this.close();
      throw err;
    }
    return this.router;
  }

  push(at: number, ...alerts: AlertSpec[]): void {
    this.do(at, () => postAlerts(this.routerUrl(), alerts.map((a) => a.postable(this.base))));
  }

  setSilence(at: number, s: SilenceSpec): void {
    this.do(at, async () => {
      s.id = await postSilence(this.routerUrl(), s.postable(this.base));
    });
  }

  delSilence(at: number, s: SilenceSpec): void {
    this.do(at, async () => {
      if (!s.id) throw new Error('silence was not created before its deletion');
      await deleteSilence(this.routerUrl(), s.id);
    });
  }

  do(at: number, run: () => Promise<void>): void {
    this.actions.push({ at, run });
  }

  /**
   * Sets the base time, runs the actions on schedule, waits until the end of the latest
   * expected window, stops everything and throws a report if any expectation failed.
   */
  async run(): Promise<void> {
    if (!this.router) throw new Error('start() the router first');
    const errors: string[] = [];
    this.base = Date.now();
    const until = Math.max(...this.collectors.map((c) => c.latestEnd), ...this.actions.map((a) => a.at));
    const timers = this.actions.map(
      (action) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            action.run().then(resolve, (err) => {
              errors.push(`action at ${action.at}s failed: ${(err as Error).message}`);
              resolve();
            });
          }, this.base + action.at * 1000 - Date.now()),
        ),
    );
    await Promise.all(timers);
    await new Promise((r) => setTimeout(r, Math.max(0, this.base + until * 1000 - Date.now())));
    const logs = this.router.logs();
    await this.close();
    const failures = [...errors, ...this.collectors.flatMap((c) => c.check(this.base))];
    if (failures.length > 0) {
      const received = this.collectors.map((c) => `${c.name} received:\n${c.describe(this.base) || '  nothing'}`).join('\n');
      throw new Error(`${this.router.target}: ${failures.join('\n')}\n${received}\n--- logs (tail) ---\n${logs.slice(-4000)}`);
    }
  }

  private routerUrl(): string {
    if (!this.router) throw new Error('start() the router first');
    return this.router.baseUrl;
  }

  async close(): Promise<void> {
    await this.router?.stop();
    await Promise.all(this.receivers.map((r) => r.close()));
  }
}
