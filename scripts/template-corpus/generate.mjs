#!/usr/bin/env node
// Regenerates libs/template/src/testdata/corpus.json: renders every case under cases/*.yaml with
// the real `amtool template render` (Alertmanager 0.25) and records its output or its error, so
// the template tests need no amtool. Usage: node scripts/template-corpus/generate.mjs [--amtool=PATH]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');
const out = join(root, 'libs/template/src/testdata/corpus.json');
const amtool = process.argv.find((a) => a.startsWith('--amtool='))?.slice(9) ?? '/usr/bin/amtool';
// Alertmanager's own default templates, for the cases that exercise the defaults.
const amDefaults = '/usr/share/prometheus/alertmanager/default.tmpl';

const data = Object.fromEntries(
  readdirSync(join(here, 'data'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(here, 'data', f), 'utf8'))]),
);

/** Expands `matrix` entries (templates x data) into single cases. */
function expand(entry) {
  if (!entry.matrix) return [entry];
  const m = entry.matrix;
  return m.templates.flatMap((t) => {
    const [name, arg = '.'] = t.split(' ');
    return m.data.map((d) => ({
      name: `default-${name}-${d}`,
      text: `{{ template "${name}" ${arg} }}`,
      data: d,
      defaults: m.defaults,
    }));
  });
}

function render(c) {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-corpus-'));
  try {
    const files = c.files;
    if (files.length === 0) writeFileSync(join(dir, 'empty.tmpl'), '');
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    const dataFile = join(dir, 'data.json');
    writeFileSync(dataFile, JSON.stringify(data[c.data]));
    const args = ['template', 'render'];
    if (c.defaults) args.push(`--template.glob=${amDefaults}`);
    args.push(`--template.glob=${join(dir, '*.tmpl')}`, `--template.text=${c.text}`, `--template.data=${dataFile}`);
    if (c.type === 'html') args.push('--template.type=html');
    try {
      const stdout = execFileSync(amtool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20000 });
      return { output: stdout };
    } catch (e) {
      if (typeof e.status !== 'number') throw e;
      const err = String(e.stderr).replace(/^amtool: error: /, '').replace(/\n+$/, '').split(dir + '/').join('');
      return { error: err };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Cases where Klaxon deliberately follows a newer Alertmanager than the amtool available here.
const deltas = new Map(
  parse(readFileSync(join(here, 'deltas.yaml'), 'utf8')).flatMap((d) => d.names.map((n) => [n, d.reason])),
);

const caseFiles = readdirSync(join(here, 'cases')).filter((f) => f.endsWith('.yaml')).sort();
const cases = [];
const seen = new Set();
for (const f of caseFiles) {
  const entries = parse(readFileSync(join(here, 'cases', f), 'utf8'));
  for (const c of entries.flatMap(expand)) {
    if (seen.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    seen.add(c.name);
    const full = {
      name: c.name,
      source: f,
      text: c.text,
      type: c.type ?? 'text',
      defaults: Boolean(c.defaults),
      files: Object.entries(c.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
      data: c.data ?? 'firing',
    };
    if (!data[full.data]) throw new Error(`${c.name}: unknown data ${full.data}`);
    const entry = { ...full, expected: render(full) };
    if (deltas.has(c.name)) entry.newerThan025 = deltas.get(c.name);
    cases.push(entry);
  }
}
const version = execFileSync(amtool, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0];
writeFileSync(out, JSON.stringify({ generatedBy: version, data, cases }, null, 1) + '\n');
console.log(`${cases.length} cases written to ${out} (${cases.filter((c) => c.expected.error).length} expect an error)`);
