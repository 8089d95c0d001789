#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.spec.js for unit tests, dist/test/**/*.test.js for
// integration tests) with Node's test runner, streams the spec report, and ends with the line
// "N passed, N failed" that CI reads. Arguments narrow the run to files whose path contains them.
import { spawn } from 'node:child_process';
import { readdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(spec|test)\.js$/.test(name)) out.push(full);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = walk(dist)
  .filter((f) => !f.includes('/node_modules/'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found under dist/ (did the build run?)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const tapFile = join(mkdtempSync(join(tmpdir(), 'klaxon-tests-')), 'report.tap');
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(
  process.execPath,
  [
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'], cwd: root },
);
child.on('exit', (code) => {
  let passed = 0;
  let failed = 0;
  try {
    const tap = readFileSync(tapFile, 'utf8');
    // The summary at the end of the top-level TAP stream.
    const pass = [...tap.matchAll(/^# pass (\d+)$/gm)].pop();
    const fail = [...tap.matchAll(/^# fail (\d+)$/gm)].pop();
    passed = pass ? Number(pass[1]) : 0;
    failed = fail ? Number(fail[1]) : 0;
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
});
