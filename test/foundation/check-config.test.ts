import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLAXON_BIN, REPO_ROOT } from '../support/klaxon-process';

const fixtures = join(REPO_ROOT, 'test/fixtures/configs');
const run = (...files: string[]) => spawnSync(KLAXON_BIN, ['check-config', ...files], { encoding: 'utf8' });

test('upstream-simple.yml and upstream-conf.routing.yml load', () => {
  for (const name of ['upstream-simple.yml', 'upstream-conf.routing.yml']) {
    const r = run(join(fixtures, name));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`Checking '.*${name.replace('.', '\\.')}'\\s+SUCCESS`));
    assert.match(r.stdout, /Found:\n - global config\n - route\n/);
  }
});

test('upstream-conf.good.yml is rejected for each unsupported integration and only for those', () => {
  const r = run(join(fixtures, 'upstream-conf.good.yml'));
  assert.equal(r.status, 1);
  const failures = r.stdout.split('\n').filter((l) => /an integration Klaxon does not deliver/.test(l));
  assert.equal(failures.length, 3, r.stdout);
  for (const integration of ['slack_configs', 'victorops_configs', 'pushover_configs']) {
    assert.ok(r.stdout.includes(integration), `${integration} is named:\n${r.stdout}`);
  }
  assert.doesNotMatch(r.stdout, /undefined receiver|not found in type/);
});

test('every file is checked; a broken one fails the run with its error and place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-check-'));
  const bad = join(dir, 'bad.yml');
  writeFileSync(bad, 'route:\n  receiver: team\n  routes:\n    - receiver: nope\nreceivers:\n  - name: team\n');
  const r = run(bad, join(fixtures, 'upstream-conf.routing.yml'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /Checking '.*bad\.yml'\s+FAILED:/);
  assert.match(r.stdout, /undefined receiver "nope" used in route/);
  assert.match(r.stdout, /Checking '.*upstream-conf\.routing\.yml'\s+SUCCESS/);
  assert.equal(r.stderr, 'klaxon: error: failed to validate 1 file(s)\n');
});

test('no file is a usage error', () => {
  const r = run();
  assert.equal(r.status, 2);
});
