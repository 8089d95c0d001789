#!/usr/bin/env node
// Captures fingerprint and label-set-string vectors from the real Alertmanager 0.25:
// posts alerts, reads their fingerprints from GET /api/v2/alerts, and reads the group keys
// (`{}:` + LabelSet.String() of all labels, via group_by ['...']) from webhook notifications.
// Writes libs/core/src/testdata/fingerprints.json. Usage: node scripts/vectors/fingerprints.mjs
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startAlertmanager } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/core/src/testdata/fingerprints.json');

const many = {};
for (let i = 0; i < 40; i++) many[`label_${String(39 - i).padStart(2, '0')}`] = `value ${i * 7919}`;

// 0.25 accepts only legacy label names, so byte-order effects are exercised through ASCII names
// (upper case < '_' < lower case) and through values.
const cases = [
  { name: 'single label', labels: { alertname: 'Test' } },
  { name: 'reference alert', labels: { alertname: 'Test', instance: 'a', severity: 'warning' } },
  { name: 'unicode values', labels: { alertname: 'Ünïcödé', city: '東京', emoji: '🙂🚀' } },
  { name: 'empty value is stripped', labels: { alertname: 'Stripped', empty: '', kept: 'x' } },
  { name: 'many labels', labels: { alertname: 'Many', ...many } },
  { name: 'ascii name order', labels: { alertname: 'Order', a: '1', A: '2', _a: '3', Z9: '4', a_b: '5', ab: '6', aB: '7' } },
  { name: 'astral vs BMP private use values', labels: { alertname: 'Astral', bmp: '\uE000\uFFFD\uFF21', astral: '😀𝄞', mixed: 'a\uFFFFb😀c' } },
  { name: 'quotes and backslashes', labels: { alertname: 'Quote', q: 'say "hi"', b: 'C:\\path\\', both: '\\"' } },
  { name: 'control characters', labels: { alertname: 'Control', nl: 'line1\nline2', tab: 'a\tb', cr: 'a\rb', bell: '\u0007', nul: 'a\u0000b', del: '\u007f', esc: '\u001b[0m' } },
  { name: 'non-printable unicode', labels: { alertname: 'NonPrint', nbsp: 'a\u00a0b', zwsp: 'a\u200bb', bom: '\ufeff', lsep: '\u2028', soft: 'a\u00adb', nel: '\u0085' } },
  { name: 'latin-1 and 0xff-like bytes', labels: { alertname: 'Latin', y: 'ÿ', mix: 'çàé€' } },
  { name: 'long value', labels: { alertname: 'Long', long: 'x'.repeat(10000) + '🙂' } },
  { name: 'separator-like content', labels: { alertname: 'Sep', a: 'b\u00ffc', ab: 'c' } },
  { name: 'name-value shifts collide only in naive hashes', labels: { alertname: 'Shift1', ab: 'c' } },
  { name: 'name-value shifts, other split', labels: { alertname: 'Shift1', a: 'bc' } },
  { name: 'lone surrogate (Go decodes it to U+FFFD)', labels: { alertname: 'Lone', v: 'a\ud800b' } },
  { name: 'digits in names (byte order vs natural order)', labels: { alertname: 'Digits', a: '1', a0: '2', l2: '3', l10: '4', l9x: '5', b1: 'x', b: 'y' } },
  { name: 'spaces and braces in values', labels: { alertname: 'Spaces', s: ' leading and trailing ', br: '{a="b"}, c' } },
];

async function main() {
  const hookPort = await freePort();
  const groupKeys = [];
  const dedupKeys = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      try {
        const payload = JSON.parse(body);
        if (process.env.DEBUG_VECTORS) console.error(req.url, body.slice(0, 300));
        if (req.url === '/pagerduty') dedupKeys.push({ dedupKey: payload.dedup_key, labels: payload.payload.custom_details });
        else groupKeys.push({ groupKey: payload.groupKey, labels: payload.groupLabels });
      } catch {
        // ignore malformed bodies
      }
      res.end();
    });
  });
  await new Promise((r) => hook.listen(hookPort, '127.0.0.1', r));

  const am = await startAlertmanager(`
route:
  receiver: hook
  group_by: ['...']
  group_wait: 0s
  group_interval: 1h
  repeat_interval: 24h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:${hookPort}/
    pagerduty_configs:
      - url: http://127.0.0.1:${hookPort}/pagerduty
        routing_key: vectors
        details: { fingerprint: '{{ range .Alerts }}{{ .Fingerprint }}{{ end }}' }
`);
  try {
    const res = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cases.map((c) => ({ labels: c.labels }))),
    });
    if (!res.ok) throw new Error(`POST /api/v2/alerts: ${res.status} ${await res.text()}`);
    const alerts = await (await fetch(`${am.url}/api/v2/alerts`)).json();
    const deadline = Date.now() + 10000;
    while ((groupKeys.length < alerts.length || dedupKeys.length < alerts.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const vectors = cases.map((c) => {
      const stored = Object.fromEntries(Object.entries(c.labels).filter(([, v]) => v !== ''));
      const alert =
        alerts.find((a) => sameLabels(a.labels, stored)) ??
        alerts.find((a) => a.labels.alertname === stored.alertname && cases.filter((x) => x.labels.alertname === stored.alertname).length === 1);
      if (!alert) throw new Error(`alert not found for case ${c.name}`);
      const group = groupKeys.find((g) => sameLabels(g.labels, alert.labels));
      const pd = dedupKeys.find((d) => d.labels.fingerprint === alert.fingerprint);
      return {
        name: c.name,
        postedLabels: c.labels,
        storedLabels: alert.labels,
        fingerprint: alert.fingerprint,
        labelSetString: group ? group.groupKey.replace(/^\{\}:/, '') : null,
        groupKey: group ? group.groupKey : null,
        pagerdutyDedupKey: pd ? pd.dedupKey : null,
      };
    });
    const out = {
      source: `${am.version}; POST then GET /api/v2/alerts; labelSetString from webhook groupKey with group_by ['...']; pagerdutyDedupKey = sha256(groupKey) from a PagerDuty receiver`,
      vectors,
    };
    mkdirSync(join(root, 'libs/core/src/testdata'), { recursive: true });
    writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${vectors.length} vectors to ${outFile}`);
  } finally {
    if (process.env.DEBUG_VECTORS) console.error(am.logs());
    await am.stop();
    hook.close();
  }
}

function sameLabels(a, b) {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
