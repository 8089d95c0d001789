#!/usr/bin/env node
// Captures RE2 vectors from the real amtool 0.25 (Go regexp): which patterns compile as matcher
// regexes (and Go's error otherwise), and which values each accepted pattern matches, anchored
// as Alertmanager anchors it. Matching is observed with `amtool config routes test` on a config
// holding one `continue: true` route per pattern. Writes libs/core/src/testdata/regex.json.
// Usage: node scripts/vectors/regex.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amtool, amtoolVersion, tempDir } from './lib-alertmanager.mjs';

const root = new URL('../..', import.meta.url).pathname;
const outFile = join(root, 'libs/core/src/testdata/regex.json');

const patterns = [
  'a.*', '.*', '.+', '', 'a|b', 'ab|', 'x*', '[^a]', '.', '..', '\\S+', '\\w+', '\\d+', '\\s', '[[:alpha:]]+',
  '[[:word:]]+', '\\pL+', '\\p{Greek}+', '\\PL', '(?i)k', '(?i)straße', '(?i)σ', '(?s).', '(?s).*', '(?m)^b$', 'a$', '^a',
  '\\x{1F600}', '[😀]', '😀', '\\Qa.b\\E', 'a\\.b', '\\z', 'a\\z', '(?U)a+', 'a{2,3}', 'a{2}', '[a-c]{0,}', '\\bfoo\\b',
  '\\Bfoo', '(?P<name>x)', '(a)(b)\\2', '(?:a|b)+', '[\\d\\-]+', '\\A', '\\n', '\\t', '\\x41', '\\101', '\\cA',
  '(?<name>x)', '(?=a)', '(?!a)', '(?<=a)b', 'a++', 'a{1001}', '[[:foo:]]', '\\8', '*', 'a{,3}', '\\p{Foo}',
  '(?i)', '(?z)', '[a', 'a)', 'x{2}{3}', '\\Z', '\\e', '\\v', '(?i:A)b', '[^\\x00-\\x{10FFFF}]', '\\C',
  '(a{1000}){1000}', '(((a{100}){100}){100}){100}', '[a-z]{1000}', '('.repeat(1001) + 'a' + ')'.repeat(1001), '('.repeat(999) + 'a' + ')'.repeat(999),
];

const values = [
  '', 'a', 'b', 'ab', 'abc', 'aa', 'aaa', 'aaaa', 'A', 'K', '\u212a', 'k', 'x', 'xx', '\n', 'a\n', 'a\nb', '\nb', 'b',
  '😀', '😀😀', 'é', 'É', 'ΣΑΣ', 'σ', 'ς', 'Σ', 'STRASSE', 'STRAẞE', 'straße', '123', '٣', 'a.b', 'axb', 'foo', 'foo bar',
  ' ', '\t', '\u00a0', 'a-1', '12-34', '\u0001', 'aab', 'xyz', 'abab', '_x1',
];

function yamlString(s) {
  return JSON.stringify(s);
}

function matcherFor(p) {
  // A double-quoted matcher value: escape backslashes and quotes as the classic parser expects.
  return `v=~"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

async function main() {
  const dir = tempDir('klaxon-regex-');
  const compile = [];
  const accepted = [];
  for (const p of patterns) {
    const file = join(dir, 'one.yml');
    writeFileSync(file, `route:\n  receiver: none\n  routes:\n    - receiver: none\n      matchers: [${yamlString(matcherFor(p))}]\nreceivers:\n  - name: none\n`);
    const r = amtool(['check-config', file]);
    if (r.status === 0) {
      compile.push({ pattern: p, ok: true });
      accepted.push(p);
    } else {
      const m = /FAILED: (.*)/.exec(r.stdout + r.stderr);
      compile.push({ pattern: p, ok: false, error: m ? m[1].trim() : (r.stdout + r.stderr).trim() });
    }
  }
  const routes = accepted
    .map((p, i) => `    - receiver: r${i}\n      continue: true\n      matchers: [${yamlString(matcherFor(p))}]\n`)
    .join('');
  const receivers = accepted.map((_, i) => `  - name: r${i}\n`).join('');
  const file = join(dir, 'all.yml');
  writeFileSync(file, `route:\n  receiver: none\n  routes:\n${routes}receivers:\n  - name: none\n${receivers}`);
  const matches = [];
  for (const v of values) {
    const label = `v="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`;
    const r = amtool(['config', 'routes', 'test', `--config.file=${file}`, label]);
    const names = r.stdout.trim().split(',').filter((n) => n !== 'none' && n !== '');
    matches.push({ value: v, matchedPatterns: names.map((n) => accepted[Number(n.slice(1))]) });
  }
  mkdirSync(join(root, 'libs/core/src/testdata'), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        source: `${amtoolVersion()}; compile: amtool check-config; matching: amtool config routes test (anchored ^(?:p)$)`,
        compile,
        patterns: accepted,
        matches,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${compile.length} compile and ${matches.length} match vectors to ${outFile}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
