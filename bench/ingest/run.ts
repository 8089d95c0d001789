// Ingest benchmark: Klaxon (on its embedded, append-only Redis) against Alertmanager 0.25 on
// the same machine and the same load. Run: sh scripts/build.sh && node dist/bench/ingest/run.js
// Options: --quick (2k/10k alerts instead of 20k/100k); --klaxon-roles=api (only the API role,
// without the dispatcher). Prints two tables; docs/benchmarks.md keeps a copy.
import { join } from 'node:path';
import { AlertmanagerProcess } from '../../test/support/alertmanager-process';
import { KlaxonServer } from './klaxon-server';
import { alertBatches, GROUPS, sendBatches } from './load';
import { mib, redisUsedMemory, rssBytes, timeGetAlerts } from './measure';

const CONFIG = `
global:
  resolve_timeout: 1h
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
receivers:
- name: blackhole
`;

const CONNECTIONS = 8;
const quick = process.argv.includes('--quick');
const klaxonRoles = process.argv.find((a) => a.startsWith('--klaxon-roles='))?.split('=')[1] ?? 'api,worker';
const SIZES = quick ? [2_000, 10_000] : [20_000, 100_000];
const BATCHES = [64, 256];

interface Result {
  target: 'klaxon' | 'alertmanager';
  batch: number;
  total: number;
  alertsPerSecond: number;
  getMs?: number;
  firstGetMs?: number;
  getCount?: number;
  memoryBytes?: number;
  memoryDetail?: string;
}

interface Target {
  baseUrl: string;
  memory(): Promise<{ bytes: number; detail: string }>;
  stop(): Promise<void>;
}

async function startKlaxon(): Promise<Target> {
  const k = await KlaxonServer.start(CONFIG, ['--log.level=info', `--roles=${klaxonRoles}`]);
  const socket = join(k.storagePath, 'redis', 'redis.sock');
  return {
    baseUrl: k.baseUrl,
    async memory() {
      const rss = rssBytes(k.pid as number);
      const redis = await redisUsedMemory(socket);
      return { bytes: rss + redis, detail: `RSS ${mib(rss)} + Redis used_memory ${mib(redis)}` };
    },
    stop: () => k.stop(),
  };
}

async function startAlertmanager(): Promise<Target> {
  const am = await AlertmanagerProcess.start(CONFIG);
  return {
    baseUrl: am.baseUrl,
    async memory() {
      const rss = rssBytes(am.pid as number);
      return { bytes: rss, detail: `RSS ${mib(rss)}` };
    },
    stop: () => am.stop(),
  };
}

async function runOne(target: Result['target'], batch: number, total: number): Promise<Result> {
  const server = target === 'klaxon' ? await startKlaxon() : await startAlertmanager();
  try {
    const batches = alertBatches(total, batch, `${target}-${batch}-${total}`);
    const elapsed = await sendBatches(server.baseUrl, batches, CONNECTIONS);
    const result: Result = { target, batch, total, alertsPerSecond: (total / elapsed) * 1000 };
    if (total === SIZES[SIZES.length - 1]) {
      const get = await timeGetAlerts(server.baseUrl);
      const memory = await server.memory();
      Object.assign(result, { getMs: get.ms, firstGetMs: get.firstMs, getCount: get.count, memoryBytes: memory.bytes, memoryDetail: memory.detail });
    }
    return result;
  } finally {
    await server.stop();
  }
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? '' : (a / b).toFixed(2);
}

async function main(): Promise<void> {
  console.log(`Ingest benchmark: ${CONNECTIONS} connections, alerts with 10 labels and 2 annotations over ${GROUPS} groups; Klaxon roles ${klaxonRoles}`);
  const results: Result[] = [];
  for (const total of SIZES) {
    for (const batch of BATCHES) {
      for (const target of ['alertmanager', 'klaxon'] as const) {
        const r = await runOne(target, batch, total);
        results.push(r);
        console.error(`  ${target} batch=${batch} total=${total}: ${r.alertsPerSecond.toFixed(0)} alerts/s`);
      }
    }
  }
  console.log('');
  console.log('| alerts | batch | Alertmanager 0.25 alerts/s | Klaxon alerts/s | Klaxon / AM |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const total of SIZES) {
    for (const batch of BATCHES) {
      const am = results.find((r) => r.target === 'alertmanager' && r.batch === batch && r.total === total)!;
      const kx = results.find((r) => r.target === 'klaxon' && r.batch === batch && r.total === total)!;
      console.log(`| ${total} | ${batch} | ${am.alertsPerSecond.toFixed(0)} | ${kx.alertsPerSecond.toFixed(0)} | ${ratio(kx.alertsPerSecond, am.alertsPerSecond)} |`);
    }
  }
  const top = SIZES[SIZES.length - 1];
  console.log('');
  console.log(`At ${top} active alerts (after the batch-${BATCHES[BATCHES.length - 1]} run):`);
  console.log('| measure | Alertmanager 0.25 | Klaxon | Klaxon / AM |');
  console.log('|---|---:|---:|---:|');
  const am = results.find((r) => r.target === 'alertmanager' && r.total === top && r.batch === BATCHES[BATCHES.length - 1])!;
  const kx = results.find((r) => r.target === 'klaxon' && r.total === top && r.batch === BATCHES[BATCHES.length - 1])!;
  console.log(`| GET /api/v2/alerts, first | ${am.firstGetMs?.toFixed(0)} ms | ${kx.firstGetMs?.toFixed(0)} ms | ${ratio(kx.firstGetMs, am.firstGetMs)} |`);
  console.log(`| GET /api/v2/alerts, median of the next 3 | ${am.getMs?.toFixed(0)} ms (${am.getCount} alerts) | ${kx.getMs?.toFixed(0)} ms (${kx.getCount} alerts) | ${ratio(kx.getMs, am.getMs)} |`);
  console.log(`| memory | ${am.memoryDetail} | ${kx.memoryDetail} | ${ratio(kx.memoryBytes, am.memoryBytes)} |`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
