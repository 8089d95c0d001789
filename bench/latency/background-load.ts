// Active alerts refreshed at Prometheus' cadence: every alert re-sent once per minute, in
// batches of up to 256 (Prometheus' notifier), as Prometheus sends them: startsAt the moment
// the alert became active (its first post), endsAt = now + 4 minutes, and a generatorURL.
import { postAlerts } from '../../test/acceptance/harness/api-client';

const RESEND_EVERY_MS = 60_000;
const BATCH = 256;

function batchOf(start: number, end: number, startsAt: string): unknown[] {
  const endsAt = new Date(Date.now() + 4 * 60_000).toISOString();
  const alerts = [];
  for (let i = start; i < end; i++) {
    alerts.push({
      labels: { alertname: `Load${i % 1000}`, instance: `host-${i}`, job: 'bench', severity: 'warning' },
      annotations: { summary: 'background load' },
      startsAt,
      endsAt,
      generatorURL: `http://prometheus.bench:9090/graph?g0.expr=Load${i % 1000}`,
    });
  }
  return alerts;
}

export class BackgroundLoad {
  private timer?: NodeJS.Timeout;
  private next = 0;
  /** When the load's alerts became active: the start of the fill. */
  private activeSince = new Date().toISOString();
  failures = 0;

  constructor(private readonly baseUrl: string, readonly activeAlerts: number) {}

  /** Posts every alert once, as fast as `parallel` requests allow. */
  async fill(parallel = 4): Promise<void> {
    let cursor = 0;
    this.activeSince = new Date().toISOString();
    const worker = async () => {
      while (cursor < this.activeAlerts) {
        const start = cursor;
        cursor = Math.min(cursor + BATCH, this.activeAlerts);
        await postAlerts(this.baseUrl, batchOf(start, cursor, this.activeSince));
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  /** Keeps re-sending: one batch every RESEND_EVERY_MS / (alerts / BATCH) ms. */
  start(): void {
    if (this.activeAlerts === 0) return;
    const batches = Math.ceil(this.activeAlerts / BATCH);
    const every = RESEND_EVERY_MS / batches;
    this.timer = setInterval(() => {
      const start = this.next * BATCH;
      this.next = (this.next + 1) % batches;
      postAlerts(this.baseUrl, batchOf(start, Math.min(start + BATCH, this.activeAlerts), this.activeSince)).catch(() => this.failures++);
    }, every);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
