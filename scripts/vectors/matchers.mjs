#!/usr/bin/env node
// Captures matcher vectors from the real amtool 0.25: for each input (a route `matchers` entry),
// `amtool check-config` gives the parse error, or `amtool config routes show` prints the parsed,
// sorted matchers with Alertmanager's Matchers.String(). A running Alertmanager 0.25 also answers
// GET /api/v2/alerts?filter=<input> (single-matcher parsing) with its error, if any.
// Writes libs/core/src/testdata/matchers.json. Usage: node scripts/vectors/matchers.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amtool, amtoolVersion, startAlertmanager, tempDir } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/core/src/testdata/matchers.json');

// Each entry is one route's `matchers` list (a string is a one-element list).
const routeInputs = [
  'foo=bar', 'foo = bar', 'foo="bar"', '  foo  =  "bar"  ', 'foo!=bar', 'foo=~ba.*', 'foo!~"ba.*"',
  'foo=', 'foo=""', 'foo=~""', 'foo!=""',
  '{foo=bar}', '{foo=bar,baz=qux}', 'foo=bar, baz!=qux', 'foo=bar,', '{foo=bar,}', 'foo=bar , baz=qux ,',
  '{foo=bar', 'foo=bar}', '{{foo=bar}}', '{}', '', ',', 'foo=bar,,', ',foo=bar',
  'foo="a,b"', 'a="x,y",b=z', 'foo="say \\"hi\\""', 'foo="back\\\\slash"', 'foo="new\\nline"',
  'foo="spurious\\qescape"', 'foo=trailing\\', 'foo="unterminated', 'foo=bar"', 'foo="a"b"', 'foo=unquoted "inner"',
  'a="\\",b=c', 'a=\\,b=c', 'foo=bar baz', 'foo= "bar" ', 'foo\t=\tbar', 'foo=\u00a0bar', 'foo=bar\u00a0',
  'foo=🙂', 'foo="🙂"', 'foo="\\xf0\\x9f\\x99\\x82"', 'foo="\\u00e9"', 'foo="tab\there"', 'foo="real\nnewline"',
  'foo=~"\\\\d+"', 'foo=~\\d+', 'foo=~"\\d+"',
  'job:rate=x', ':=x', 'a-b=c', '"foo"="bar"', 'foo', '=bar', 'foo!bar', 'foo==bar', 'foo=~=bar', 'foo!==bar', '1foo=bar', 'fooé=bar',
  'foo=~"("', 'foo=~"[z-a]"', 'foo=~"a**"', 'foo=~"x{1001}"', 'foo=~"(?i)ABC"', 'foo=~"(?P<n>a)"', 'foo=~"(?<n>a)"', 'foo=~"\\\\C"',
  'foo=~".*"', 'foo!~".+"', 'foo=~"a|b"', 'foo=~"^a$"',
  'z=1,a=2', 'a=b,a=a', 'a!=x,a=x,a=~x,a!~x', 'b=1,B=1,_=1', 'a="é",a="z"', 'a="\uff21",a="😀"', 'a="\ue000",a="😀",a="\u00ff"',
  ['z=1', 'a=2'], ['b=x', 'b=x'], ['a=1,c=3', 'b=2'],
];

// Single matchers sent as API filters.
const filterInputs = [
  'foo=bar', 'foo="bar"', 'foo=~"ba.*"', 'foo!=', '{foo=bar}', '{foo=bar', 'foo=bar}', 'foo=bar,baz=qux',
  'foo', 'a-b=c', '"foo"="bar"', 'foo="bar', 'foo=~"("', 'foo=bar baz', '',
];

function yamlString(s) {
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}

function routeConfig(list) {
  return `route:
  receiver: r
  routes:
    - receiver: r
      matchers: [${list.map(yamlString).join(', ')}]
receivers:
  - name: r
`;
}

function captureRoute(dir, input, i) {
  const list = Array.isArray(input) ? input : [input];
  const file = join(dir, `route-${i}.yml`);
  writeFileSync(file, routeConfig(list));
  const check = amtool(['check-config', file]);
  if (check.status !== 0) {
    const m = /FAILED: (.*)/s.exec(check.stdout + check.stderr);
    const error = m ? m[1].split('\namtool: error:')[0].replace(/\n+$/, '') : (check.stdout + check.stderr).trim();
    return { input, ok: false, error };
  }
  const show = amtool(['config', 'routes', 'show', `--config.file=${file}`]);
  const lines = show.stdout.split('\n');
  const idx = lines.findIndex((l) => l.includes('default-route'));
  const child = lines[idx + 1];
  const m = /^ {4}└── (.*) {2}receiver: r$/s.exec(child);
  if (!m) throw new Error(`unexpected routes output for ${JSON.stringify(input)}:\n${show.stdout}`);
  // amtool labels a route without matchers "default-route" instead of printing `{}`.
  return { input, ok: true, string: m[1] === 'default-route' ? '{}' : m[1], printed: m[1] };
}

async function captureFilters() {
  const am = await startAlertmanager('route:\n  receiver: r\nreceivers:\n  - name: r\n');
  try {
    const out = [];
    for (const input of filterInputs) {
      const res = await fetch(`${am.url}/api/v2/alerts?filter=${encodeURIComponent(input)}`);
      const body = await res.text();
      out.push(res.ok ? { input, ok: true } : { input, ok: false, status: res.status, error: JSON.parse(body) });
    }
    return { source: `${am.version}; GET /api/v2/alerts?filter=<input>`, vectors: out };
  } finally {
    await am.stop();
  }
}

async function main() {
  const dir = tempDir('klaxon-matchers-');
  const routes = routeInputs.map((input, i) => captureRoute(dir, input, i));
  const filters = await captureFilters();
  const out = {
    routes: { source: `${amtoolVersion()}; amtool check-config / amtool config routes show`, vectors: routes },
    filters,
  };
  mkdirSync(join(root, 'libs/core/src/testdata'), { recursive: true });
  writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${routes.length} route and ${filters.vectors.length} filter vectors to ${outFile}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
