// The background load's own thread: builds and posts the batches, so that the bench's probes
// and webhook receivers never wait behind a batch being built (a 256-alert batch held the
// bench's event loop for about 4 ms).
import { parentPort, workerData } from 'node:worker_threads';
import { postAlerts } from '../../test/acceptance/harness/api-client';
import type { LoadCommand, LoadReport } from './background-load';

// Active alerts refreshed at Prometheus' cadence: every alert re-sent once per minute, in
// batches of up to 256 (Prometheus' notifier), as Prometheus sends them: startsAt the moment
// the alert became active (its first post), endsAt = now + 4 minutes, and a generatorURL.
const RESEND_EVERY_MS = 60_000;
const BATCH = 256;
const FILL_PARALLEL = 4;

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

const { baseUrl, activeAlerts } = workerData as { baseUrl: string; activeAlerts: number };
const port = parentPort!;
let activeSince = new Date().toISOString();
let timer: NodeJS.Timeout | undefined;
let next = 0;
let failures = 0;

const report = (message: LoadReport) => port.postMessage(message);

/** Posts every alert once, as fast as FILL_PARALLEL requests allow. */
async function fill(): Promise<void> {
  let cursor = 0;
  activeSince = new Date().toISOString();
  const worker = async () => {
    while (cursor < activeAlerts) {
      const start = cursor;
      cursor = Math.min(cursor + BATCH, activeAlerts);
      await postAlerts(baseUrl, batchOf(start, cursor, activeSince));
    }
  };
  await Promise.all(Array.from({ length: FILL_PARALLEL }, worker));
}

/** Keeps re-sending: one batch every RESEND_EVERY_MS / (alerts / BATCH) ms. */
function start(): void {
  if (activeAlerts === 0) return;
  const batches = Math.ceil(activeAlerts / BATCH);
  timer = setInterval(() => {
    const first = next * BATCH;
    next = (next + 1) % batches;
    postAlerts(baseUrl, batchOf(first, Math.min(first + BATCH, activeAlerts), activeSince)).catch(() => failures++);
  }, RESEND_EVERY_MS / batches);
}

port.on('message', (command: LoadCommand) => {
  if (command === 'fill') fill().then(() => report({ filled: true }), (err: Error) => report({ error: err.message }));
  else if (command === 'start') start();
  else {
    clearInterval(timer);
    report({ stopped: true, failures });
  }
});
