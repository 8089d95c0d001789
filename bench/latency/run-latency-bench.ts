// Notification latency of new groups: time from POSTing a group's first alert to the webhook
// receiving it, minus group_wait, for Klaxon and Alertmanager 0.25, idle and under load (active
// alerts refreshed at Prometheus' cadence, measured after their own first notifications went
// out). The load's first flush storm (1,000 groups at once) is reported separately.
//
//   node dist/bench/latency/run-latency-bench.js [--targets klaxon,alertmanager] [--loads 0,10000,100000] [--samples 1000] [--steady-ms 20000]
import { postAlerts } from '../../test/acceptance/harness/api-client';
import { RouterUnderTest, TargetName, startRouter } from '../../test/acceptance/harness/router-under-test';
import { WebhookReceiver } from '../../test/acceptance/harness/webhook-receiver';
import { BackgroundLoad } from './background-load';
import { LatencySummary, summarize } from './percentiles';

const GROUP_WAITS_MS = [1_000, 10_000];
const PROBE_SPACING_MS = 100;
/**
 * Probes start once the router has run this long, so they measure the steady state: a Node
 * process's first full garbage collections after start-up (tens of ms) fall within it.
 * `--steady-ms 80000` lets the load alerts' second refresh cycle begin first (see docs/benchmarks.md).
 */
const STEADY_AFTER_MS = Number(arg('steady-ms', '20000'));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const config = (probeUrl: string, sinkUrl: string) => `
route:
  receiver: sink
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5m
  repeat_interval: 4h
  routes:
  - receiver: probe
    matchers: ['bench="wait1"']
    group_wait: 1s
  - receiver: probe
    matchers: ['bench="wait10"']
    group_wait: 10s
receivers:
- name: sink
  webhook_configs: [{url: '${sinkUrl}'}]
- name: probe
  webhook_configs: [{url: '${probeUrl}'}]
`;

interface Cell {
  target: TargetName;
  load: number;
  groupWaitMs: number;
  overshoot: LatencySummary;
  missing: number;
  /** From the last background POST of the fill to the sink's notification of the last load group. */
  stormMs?: number;
}

const LOAD_GROUPS = 1_000;

async function measure(router: RouterUnderTest, probe: WebhookReceiver, groupWaitMs: number, samples: number, run: string): Promise<{ overshoot: LatencySummary; missing: number; slowest: number[] }> {
  const postedAt = new Map<string, number>();
  const arrivals = new Map<string, number>();
  probe.setAnswer((n) => {
    const name = n.body.groupLabels?.alertname;
    if (name && !arrivals.has(name)) arrivals.set(name, n.receivedAtMono);
    return {};
  });
  const bench = groupWaitMs === 1_000 ? 'wait1' : 'wait10';
  for (let i = 0; i < samples; i++) {
    const alertname = `Probe-${run}-${i}`;
    // Both ends on this process's monotonic clock, to a fraction of a millisecond (whole
    // milliseconds of Date.now() made ties of most p99s).
    const at = performance.now();
    postedAt.set(alertname, at);
    postAlerts(router.baseUrl, [{ labels: { alertname, bench } }]).catch(() => postedAt.delete(alertname));
    await new Promise((r) => setTimeout(r, PROBE_SPACING_MS));
  }
  await new Promise((r) => setTimeout(r, groupWaitMs + 5_000));
  const overshoots = [...postedAt].filter(([name]) => arrivals.has(name)).map(([name, at]) => arrivals.get(name)! - at - groupWaitMs);
  const slowest = [...overshoots].sort((a, b) => b - a).slice(0, 5).map((v) => Number(v.toFixed(2)));
  return { overshoot: summarize(overshoots), missing: samples - overshoots.length, slowest };
}

async function benchTarget(target: TargetName, loads: number[], samples: number): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const load of loads) {
    const probe = await WebhookReceiver.start();
    const sink = await WebhookReceiver.start();
    const sinkGroups = new Set<string>();
    let lastSinkGroupAt = 0;
    sink.setAnswer((n) => {
      const name = n.body.groupLabels?.alertname;
      if (name && !sinkGroups.has(name)) {
        sinkGroups.add(name);
        lastSinkGroupAt = n.receivedAt;
      }
      return { record: false };
    });
    // Both routers at their default log level, as users run them.
    const router = await startRouter(config(probe.url, sink.url), target, 'info');
    const startedAt = Date.now();
    const background = new BackgroundLoad(router.baseUrl, load);
    try {
      const filled = Date.now();
      await background.fill();
      const fillEnd = Date.now();
      let stormMs: number | undefined;
      if (load > 0) {
        // The load groups' first notifications (a flush storm of 1,000 groups) are measured on
        // their own; the probes run afterwards, while the alerts keep being refreshed.
        const expected = Math.min(load, LOAD_GROUPS);
        const deadline = Date.now() + 60_000;
        while (sinkGroups.size < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        stormMs = lastSinkGroupAt - fillEnd;
        console.error(`${target}: ${load} alerts posted in ${fillEnd - filled} ms; ${sinkGroups.size} load groups notified ${stormMs} ms after the last post`);
      }
      background.start();
      await new Promise((r) => setTimeout(r, Math.max(0, STEADY_AFTER_MS - (Date.now() - startedAt))));
      await measure(router, probe, 1_000, 3, `warmup-${load}`); // first connections and JIT, not counted
      for (const groupWaitMs of GROUP_WAITS_MS) {
        const result = await measure(router, probe, groupWaitMs, samples, `${load}-${groupWaitMs}`);
        cells.push({ target, load, groupWaitMs, overshoot: result.overshoot, missing: result.missing, stormMs });
        console.error(`${target} load=${load} group_wait=${groupWaitMs}ms: ${JSON.stringify(result)}`);
      }
    } finally {
      await background.stop();
      if (background.failures > 0) console.error(`${target} load=${load}: ${background.failures} refresh POSTs failed`);
      await router.stop();
      await probe.close();
      await sink.close();
    }
  }
  return cells;
}

function table(cells: Cell[], targets: TargetName[]): string {
  const ms = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(1));
  const rows = ['| active alerts | group_wait | ' + targets.map((t) => `${t} p50 / p99 / max (ms)`).join(' | ') + (targets.length === 2 ? ' | p99 ratio klaxon/AM |' : ' |')];
  rows.push('|' + ' --- |'.repeat(2 + targets.length + (targets.length === 2 ? 1 : 0)));
  const keys = [...new Set(cells.map((c) => `${c.load}/${c.groupWaitMs}`))];
  for (const key of keys) {
    const [load, gw] = key.split('/').map(Number);
    const byTarget = targets.map((t) => cells.find((c) => c.target === t && c.load === load && c.groupWaitMs === gw));
    const cols = byTarget.map((c) => (c ? `${ms(c.overshoot.p50)} / ${ms(c.overshoot.p99)} / ${ms(c.overshoot.max)}${c.missing ? ` (${c.missing} missing)` : ''}` : '–'));
    const ratio = targets.length === 2 && byTarget[0] && byTarget[1] ? ` ${(byTarget[0].overshoot.p99 / byTarget[1].overshoot.p99).toFixed(2)} |` : '';
    rows.push(`| ${load} | ${gw / 1000}s | ${cols.join(' | ')} |${ratio}`);
  }
  return rows.join('\n');
}

function stormTable(cells: Cell[], targets: TargetName[]): string {
  const rows = ['| active alerts | ' + targets.map((t) => `${t}: last of 1,000 load groups notified (ms after the last POST; group_wait 1s)`).join(' | ') + ' |'];
  rows.push('|' + ' --- |'.repeat(1 + targets.length));
  for (const load of [...new Set(cells.filter((c) => c.stormMs !== undefined).map((c) => c.load))]) {
    rows.push(`| ${load} | ${targets.map((t) => cells.find((c) => c.target === t && c.load === load)?.stormMs ?? '–').join(' | ')} |`);
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const targets = arg('targets', 'klaxon,alertmanager').split(',') as TargetName[];
  const loads = arg('loads', '0,10000,100000').split(',').map(Number);
  // 1,000 probes per cell: the nearest-rank p99 is then the tenth slowest. With 200 it was the
  // third slowest, and moved by 1–3 ms between runs of the same code.
  const samples = Number(arg('samples', '1000'));
  const cells: Cell[] = [];
  // Load by load, each target in turn: the machine's background noise drifts over minutes, and
  // both routers of one row then meet about the same.
  for (const load of loads) {
    for (const target of targets) cells.push(...(await benchTarget(target, [load], samples)));
  }
  console.log(table(cells, targets));
  console.log();
  console.log(stormTable(cells, targets));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
