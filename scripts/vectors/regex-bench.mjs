#!/usr/bin/env node
// Times re2js on a normal and on hostile patterns, anchored as Alertmanager anchors them
// (`^(?:p)$`), and compares with the native `re2` package if it happens to be installed.
// Usage: node scripts/vectors/regex-bench.mjs
import { createRequire } from 'node:module';
import { RE2JS } from 're2js';

const require = createRequire(import.meta.url);
let NativeRE2 = null;
try {
  NativeRE2 = require('re2');
} catch {
  // not installed
}

const cases = [
  { name: 'normal: team-(a|b)-.* on "team-a-prod"', pattern: 'team-(a|b)-.*', input: 'team-a-prod', runs: 100000 },
  { name: 'normal: .*prod.* on a 1k value', pattern: '.*prod.*', input: 'x'.repeat(1000) + 'prod', runs: 10000 },
  { name: 'hostile: (a+)+$ on 100k "a" + "!"', pattern: '(a+)+$', input: 'a'.repeat(100000) + '!', runs: 5 },
  { name: 'hostile: (a|a)*b on 100k "a"', pattern: '(a|a)*b', input: 'a'.repeat(100000), runs: 5 },
  { name: 'hostile: (.*a){20} on 100k "a" + "!"', pattern: '(.*a){20}', input: 'a'.repeat(100000) + '!', runs: 5 },
];

function time(fn, runs) {
  fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
}

console.log(`node ${process.version}; native re2: ${NativeRE2 ? 'installed' : 'not installed'}`);
for (const c of cases) {
  const anchored = `^(?:${c.pattern})$`;
  const compileMs = time(() => RE2JS.compile(anchored), 100);
  const re = RE2JS.compile(anchored);
  const perRun = time(() => re.test(c.input), c.runs);
  let line = `${c.name}: re2js ${perRun.toPrecision(3)} ms/match (compile ${compileMs.toPrecision(3)} ms)`;
  if (NativeRE2) {
    const native = new NativeRE2(anchored, 'u');
    line += `, re2 (native) ${time(() => native.test(c.input), c.runs).toPrecision(3)} ms/match`;
  }
  const js = new RegExp(anchored);
  if (c.name.startsWith('normal')) line += `, JS RegExp ${time(() => js.test(c.input), c.runs).toPrecision(3)} ms/match`;
  console.log(line);
}
