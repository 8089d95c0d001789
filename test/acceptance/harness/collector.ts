// Expected versus received notifications of one webhook (Alertmanager's testutils Collector).
import type { AlertSpec } from './alert-spec';
import type { WebhookAlert } from './webhook-receiver';

export interface Interval {
  start: number;
  end: number;
}

/** An inclusive window in seconds after the base time. */
export function between(start: number, end: number): Interval {
  return { start, end };
}

interface Received {
  at: number;
  alerts: WebhookAlert[];
}

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

export class Collector {
  private readonly expected: { interval: Interval; alerts: AlertSpec[] }[] = [];
  private readonly received: Received[] = [];

  constructor(readonly name: string, private readonly toleranceMs: number) {}

  /** One notification inside `interval` with exactly `alerts`; none at all when `alerts` is empty. */
  want(interval: Interval, ...alerts: AlertSpec[]): void {
    this.expected.push({ interval, alerts });
  }

  get latestEnd(): number {
    return Math.max(0, ...this.expected.map((e) => e.interval.end));
  }

  add(atSeconds: number, alerts: WebhookAlert[]): void {
    this.received.push({ at: atSeconds, alerts });
  }

  /** The failures (empty when every expectation holds and no alert arrived unexpectedly). */
  check(base: number): string[] {
    const failures: string[] = [];
    for (const { interval, alerts } of this.expected) {
      const inWindow = this.received.filter((r) => r.at >= interval.start && r.at <= interval.end);
      const found = alerts.length === 0 ? inWindow.length === 0 : inWindow.some((r) => this.batchEqual(alerts, r.alerts, base));
      if (!found) {
        failures.push(
          `${this.name}: no notification in [${interval.start}, ${interval.end}] with ${alerts.length ? alerts.map(String).join(', ') : 'nothing'}`,
        );
      }
    }
    const expectedTotal = this.expected.reduce((n, e) => n + e.alerts.length, 0);
    const receivedTotal = this.received.reduce((n, r) => n + r.alerts.length, 0);
    if (this.received.some((r) => r.alerts.length === 0)) failures.push(`${this.name}: received an empty notification`);
    if (expectedTotal !== receivedTotal) failures.push(`${this.name}: expected a total of ${expectedTotal} alerts, got ${receivedTotal}`);
    return failures;
  }

  /** Every notification received, for failure reports. */
  describe(base: number): string {
    return this.received
      .map((r) => `  t=${r.at.toFixed(3)}: ${r.alerts.map((a) => `${JSON.stringify(a.labels)} ${JSON.stringify(a.annotations)} ${describeTimes(a, base)}`).join('; ')}`)
      .join('\n');
  }

  private batchEqual(expected: AlertSpec[], got: WebhookAlert[], base: number): boolean {
    if (expected.length !== got.length) return false;
    return expected.every((e) => got.some((g) => this.alertEqual(e, g, base)));
  }

  private alertEqual(e: AlertSpec, g: WebhookAlert, base: number): boolean {
    if (!sameMap(e.labels, g.labels) || !sameMap(e.annotations, g.annotations ?? {})) return false;
    if (!this.timeEqual(e.start === undefined ? undefined : base + e.start * 1000, g.startsAt)) return false;
    return this.timeEqual(e.end === undefined ? undefined : base + e.end * 1000, g.endsAt);
  }

  private timeEqual(expectedMs: number | undefined, got: string): boolean {
    const gotZero = !got || got === GO_ZERO_TIME;
    if (expectedMs === undefined || gotZero) return expectedMs === undefined && gotZero;
    return Math.abs(Date.parse(got) - expectedMs) <= this.toleranceMs;
  }
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const ak = Object.keys(a);
  return ak.length === Object.keys(b).length && ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

function describeTimes(a: WebhookAlert, base: number): string {
  const rel = (t: string) => (t === GO_ZERO_TIME ? '∞' : ((Date.parse(t) - base) / 1000).toFixed(3));
  return `[${rel(a.startsAt)}, ${rel(a.endsAt)}]`;
}
