#!/usr/bin/env node
// Captures silence behaviour from the real Alertmanager 0.25 for libs/dispatch tests: POST
// /api/v2/silences error bodies, whether an update keeps the id (and what happens to the old
// silence), GET /api/v2/silences order, and its `filter` semantics. Writes
// libs/dispatch/src/testdata/silences.json. Usage: node scripts/vectors/dispatch-silences.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAlertmanager } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/dispatch/src/testdata/silences.json');
const iso = (ms) => new Date(ms).toISOString();
const H = 3_600_000;

const CONFIG = `
route:
  receiver: devnull
receivers:
  - name: devnull
`;

const m = (name, value, isRegex = false, isEqual = true) => ({ name, value, isRegex, isEqual });

async function main() {
  const am = await startAlertmanager(CONFIG);
  const api = async (method, path, body) => {
    const res = await fetch(`${am.url}/api/v2${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text };
  };
  const silence = (matchers, startsAt, endsAt, extra = {}) => ({ matchers, startsAt: iso(startsAt), endsAt: iso(endsAt), createdBy: 'me', comment: 'c', ...extra });
  try {
    const t = Date.now();
    const invalidCases = [
      { name: 'only an empty equality matcher', matchers: [m('a', '')] },
      { name: 'only a regex matching empty', matchers: [m('a', '.*', true)] },
      { name: 'two matchers that both match empty', matchers: [m('a', ''), m('b', 'x|', true)] },
      { name: 'invalid regex', matchers: [m('a', '(', true)] },
      { name: 'not-equal empty is fine', matchers: [m('a', '', false, false)], valid: true },
      { name: 'negative regex matching empty is fine', matchers: [m('a', '.*', true, false)], valid: true },
      { name: 'one non-empty matcher is enough', matchers: [m('a', ''), m('b', 'x')], valid: true },
    ];
    const validation = [];
    for (const c of invalidCases) validation.push({ ...c, response: await api('POST', '/silences', silence(c.matchers, t, t + H)) });
    const times = [
      { name: 'start equals end', startsAt: t + H, endsAt: t + H },
      { name: 'start after end', startsAt: t + 2 * H, endsAt: t + H },
      { name: 'end in the past', startsAt: t - 2 * H, endsAt: t - H },
    ];
    for (const c of times) c.response = await api('POST', '/silences', silence([m('a', 'b')], c.startsAt, c.endsAt));

    const create = async (matchers, startsAt, endsAt) => JSON.parse((await api('POST', '/silences', silence(matchers, startsAt, endsAt))).body).silenceID;
    const get = async (id) => JSON.parse((await api('GET', `/silence/${id}`)).body);
    const updates = [];
    const update = async (name, id, body) => {
      const before = await get(id);
      const postedAt = Date.now();
      const res = await api('POST', '/silences', { id, ...body });
      const newId = res.status === 200 ? JSON.parse(res.body).silenceID : undefined;
      const after = await get(id);
      updates.push({ name, postedAt, before, posted: { id, ...body }, response: res, newId, oldAfter: after });
    };
    const active = await create([m('alertname', 'A')], t - 60_000, t + H);
    await update('active: extend endsAt', active, silence([m('alertname', 'A')], Date.parse((await get(active)).startsAt), t + 2 * H));
    const active2 = await create([m('alertname', 'B')], t - 60_000, t + H);
    await update('active: change matchers', active2, silence([m('alertname', 'B2')], Date.parse((await get(active2)).startsAt), t + H));
    const active3 = await create([m('alertname', 'C')], t - 60_000, t + H);
    await update('active: move startsAt', active3, silence([m('alertname', 'C')], t + 10 * 60_000, t + H));
    const active4 = await create([m('alertname', 'D')], t - 60_000, t + H);
    await update('active: endsAt in the past', active4, silence([m('alertname', 'D')], Date.parse((await get(active4)).startsAt), t - 30_000));
    const pending = await create([m('alertname', 'E')], t + H, t + 2 * H);
    await update('pending: move startsAt later', pending, silence([m('alertname', 'E')], t + 90 * 60_000, t + 3 * H));
    const pending2 = await create([m('alertname', 'F')], t + H, t + 2 * H);
    await update('pending: startsAt into the past', pending2, silence([m('alertname', 'F')], t - 60_000, t + 2 * H));
    const expired = await create([m('alertname', 'G')], t - 60_000, t + H);
    await api('DELETE', `/silence/${expired}`);
    await update('expired: any change', expired, silence([m('alertname', 'G')], t, t + H));
    const unknown = await api('POST', '/silences', { id: '00000000-0000-4000-8000-000000000000', ...silence([m('a', 'b')], t, t + H) });

    // More silences for the list order and filters.
    await create([m('alertname', 'Test'), m('severity', 'crit.*', true)], t - 60_000, t + 30 * 60_000);
    await create([m('alertname', 'Test'), m('severity', 'warning', false, false)], t + 30 * 60_000, t + H);
    const list = JSON.parse((await api('GET', '/silences')).body);
    const filters = {};
    for (const f of ['alertname="Test"', 'severity=~"crit.*"', 'severity="crit.*"', 'severity!="warning"', 'alertname=~"Test"']) {
      const res = await api('GET', `/silences?filter=${encodeURIComponent(f)}`);
      filters[f] = JSON.parse(res.body).map((s) => s.id);
    }
    const out = { source: `${am.version}; /api/v2/silences`, validation, times, updates, unknownId: unknown, listedAt: Date.now(), list, filters };
    mkdirSync(join(root, 'libs/dispatch/src/testdata'), { recursive: true });
    writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${validation.length} validation cases, ${updates.length} updates, ${list.length} silences to ${outFile}`);
  } finally {
    await am.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
