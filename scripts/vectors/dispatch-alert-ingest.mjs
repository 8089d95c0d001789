#!/usr/bin/env node
// Captures alert ingestion from the real Alertmanager 0.25 for libs/dispatch tests: the 400
// bodies of POST /api/v2/alerts for invalid alerts, and how a re-posted alert is merged with
// the stored one (GET /api/v2/alerts after each sequence). Writes
// libs/dispatch/src/testdata/alert-ingest.json. Usage: node scripts/vectors/dispatch-alert-ingest.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAlertmanager } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/dispatch/src/testdata/alert-ingest.json');
const iso = (ms) => new Date(ms).toISOString();

const CONFIG = `
global:
  resolve_timeout: 5m
route:
  receiver: devnull
receivers:
  - name: devnull
`;

async function post(am, body) {
  const res = await fetch(`${am.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

async function main() {
  const am = await startAlertmanager(CONFIG);
  try {
    const t = Math.floor(Date.now() / 1000) * 1000;
    const invalid = [
      { name: 'no labels', alert: { labels: {} } },
      { name: 'only empty-valued labels', alert: { labels: { a: '' } } },
      { name: 'end before start', alert: { labels: { alertname: 'x' }, startsAt: iso(t - 1000), endsAt: iso(t - 2000) } },
      { name: 'start in the future without end', alert: { labels: { alertname: 'x' }, startsAt: iso(t + 3_600_000) } },
      { name: 'empty annotation name', alert: { labels: { alertname: 'x' }, annotations: { '': 'v' } } },
    ];
    const validation = [];
    for (const c of invalid) validation.push({ ...c, response: await post(am, [c.alert]) });

    // Each sequence posts `first`, then `second` (same labels); `postedAt` is the client clock.
    const sequences = [
      {
        name: 'firing re-post: earliest startsAt, newest annotations, new timeout end',
        first: { startsAt: iso(t - 60_000), annotations: { v: '1' } },
        second: { startsAt: iso(t - 30_000), annotations: { v: '2' } },
      },
      {
        name: 'explicit later end survives a re-post without end',
        first: { startsAt: iso(t - 60_000), endsAt: iso(t + 3_600_000) },
        second: { startsAt: iso(t - 60_000) },
      },
      {
        name: 'timeout-derived end does not survive an earlier explicit end',
        first: { startsAt: iso(t - 60_000) },
        second: { startsAt: iso(t - 60_000), endsAt: iso(t + 120_000) },
      },
      {
        name: 'no overlap: replaces the resolved alert, fresh startsAt',
        first: { startsAt: iso(t - 3_600_000), endsAt: iso(t - 3_000_000) },
        second: { startsAt: iso(t - 10_000), generatorURL: 'http://new' },
      },
      {
        name: 'overlap through endsAt only: startsAt before the stored interval',
        first: { startsAt: iso(t - 60_000), endsAt: iso(t + 600_000) },
        second: { startsAt: iso(t - 120_000), endsAt: iso(t + 300_000) },
      },
    ];
    const merges = [];
    for (const [i, s] of sequences.entries()) {
      const labels = { alertname: 'Merge', case: String(i) };
      const firstAt = Date.now();
      const r1 = await post(am, [{ labels, ...s.first }]);
      await new Promise((r) => setTimeout(r, 50));
      const secondAt = Date.now();
      const r2 = await post(am, [{ labels, ...s.second }]);
      if (r1.status !== 200 || r2.status !== 200) throw new Error(`${s.name}: ${r1.body} ${r2.body}`);
      const all = await (await fetch(`${am.url}/api/v2/alerts`)).json();
      const got = all.find((a) => a.labels.case === String(i));
      merges.push({
        ...s,
        labels,
        firstPostedAt: firstAt,
        secondPostedAt: secondAt,
        result: { startsAt: got.startsAt, endsAt: got.endsAt, annotations: got.annotations, generatorURL: got.generatorURL ?? '' },
      });
    }
    const out = { source: `${am.version}; POST /api/v2/alerts, GET /api/v2/alerts`, capturedAt: iso(t), resolveTimeoutMs: 300000, validation, merges };
    mkdirSync(join(root, 'libs/dispatch/src/testdata'), { recursive: true });
    writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${validation.length} validation cases, ${merges.length} merges to ${outFile}`);
  } finally {
    await am.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
