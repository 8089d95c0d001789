// configToYaml against the real thing: amtool 0.25 must accept the output and show the same routes,
// and the output must equal what Alertmanager 0.25 returned as config.original for the same input
// (captured by libs/config/scripts/capture-am-config-original.sh), except for the newer surface we
// follow on purpose.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfigFile, parseConfig } from '../load/parse-config';
import { forAmtool025 } from '../testing/for-amtool-025';
import { repoPath } from '../testing/repo-paths';
import { configToYaml } from './config-to-yaml';

const work = mkdtempSync(join(tmpdir(), 'klaxon-config-to-yaml-'));
const originals = repoPath('libs/config/testdata/config-original');
const allIntegrations = join(originals, 'all-integrations.yml');
const fixture = (name: string) => repoPath('test/fixtures/configs', name);

function amtool(...args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('amtool', args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

function write(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

function routesShow(path: string): string {
  const r = amtool('config', 'routes', 'show', `--config.file=${path}`);
  assert.ok(r.ok, r.out);
  return r.out;
}

/** Differences we keep on purpose (newer Alertmanager surface), removed from both sides. */
function withoutKnownDeltas(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(doc));
  for (const r of copy.receivers ?? []) {
    // ≥0.26 writes a webhook url as <secret> (it is checked on its own below).
    for (const hook of r.webhook_configs ?? []) if (hook.url !== undefined) hook.url = '<secret>';
    for (const pd of r.pagerduty_configs ?? []) {
      // ≥0.30 renders firing/resolved with toJson; 0.25 used the pagerduty.default.instances template.
      delete pd.details.firing;
      delete pd.details.resolved;
    }
  }
  const dropEmptyGroupBy = (route: { group_by?: unknown[]; routes?: unknown[] }) => {
    // ≥0.31 `group_by: []` overrides the parent, so it must survive; 0.25 omitted it.
    if (Array.isArray(route.group_by) && route.group_by.length === 0) delete route.group_by;
    for (const child of (route.routes ?? []) as (typeof route)[]) dropEmptyGroupBy(child);
  };
  dropEmptyGroupBy(copy.route);
  return copy;
}

describe('configToYaml', () => {
  for (const name of readdirSync(originals).filter((f) => f.endsWith('.yml') && !f.endsWith('.am025.yml'))) {
    test(`${name}: equals Alertmanager 0.25 config.original for the same input, but for the newer surface`, () => {
      const ours = parse(configToYaml(loadConfigFile(join(originals, name))));
      const theirs = parse(readFileSync(join(originals, name.replace(/\.yml$/, '.am025.yml')), 'utf8'));
      assert.deepEqual(withoutKnownDeltas(ours), withoutKnownDeltas(theirs));
    });
  }

  test('the newer surface: group_by [] survives, PagerDuty details use toJson', () => {
    const ours = parse(configToYaml(loadConfigFile(allIntegrations)));
    assert.deepEqual(ours.route.routes[1].group_by, []);
    assert.equal(ours.receivers[2].pagerduty_configs[0].details.firing, '{{ .Alerts.Firing | toJson }}');
  });

  test('no secret survives, each is written as <secret>', () => {
    const out = configToYaml(loadConfigFile(allIntegrations));
    for (const secret of ['smtp-password-secret', 'opsgenie-global-secret', 'pd-routing-secret', 'pd-service-secret', 'bearer-secret', 'hook-password-secret', 'own-password-secret', 'http://hooks.example.org/alert', 'https://hooks.example.org/second']) {
      assert.equal(out.includes(secret), false, secret);
    }
    assert.equal(out.split('<secret>').length - 1, 11);
    assert.deepEqual(parse(out).receivers.find((r: { name: string }) => r.name === 'hooks').webhook_configs.map((h: { url: string }) => h.url), ['<secret>', '<secret>']);
  });

  for (const [label, source] of [
    ['all-integrations.yml', allIntegrations],
    ['upstream-conf.routing.yml', fixture('upstream-conf.routing.yml')],
  ] as const) {
    test(`amtool check-config accepts the output for ${label} and shows the same routes`, () => {
      const out = write(`${label}.out.yml`, forAmtool025(configToYaml(loadConfigFile(source))));
      const check = amtool('check-config', out);
      assert.ok(check.ok, check.out);
      assert.match(check.out, /SUCCESS/);
      assert.equal(routesShow(out), routesShow(source));
    });
  }

  test('upstream-simple.yml: output accepted by amtool 0.25 (tracing is not written) with the same routes', () => {
    const text = readFileSync(fixture('upstream-simple.yml'), 'utf8');
    const out = write('simple.out.yml', forAmtool025(configToYaml(parseConfig(text, repoPath('test/fixtures/configs')))));
    assert.ok(!/tracing/.test(readFileSync(out, 'utf8')));
    assert.ok(amtool('check-config', out).ok);
    // amtool 0.25 does not know `tracing`, so the reference routes come from the file without it.
    const withoutTracing = write('simple.no-tracing.yml', text.slice(0, text.indexOf('tracing:')));
    assert.equal(routesShow(out), routesShow(withoutTracing));
  });

  test('secrets read from files are written as their *_file paths, which the strict loader accepts', () => {
    const reader = { readFile: () => 'secret-from-file' };
    const cfg = parseConfig(
      'global:\n  smtp_auth_password_file: pw\n  smtp_smarthost: h:25\n  smtp_from: a@b\nroute:\n  receiver: x\nreceivers:\n- name: x\n' +
        '  pagerduty_configs: [{routing_key_file: /s/rk}]\n  webhook_configs: [{url: "http://a/", http_config: {basic_auth: {username: u, password_file: /s/pw}}}]\n',
      '/etc/am',
      reader,
    );
    const text = configToYaml(cfg);
    assert.equal(text.includes('secret-from-file'), false);
    const doc = parse(text);
    assert.equal(doc.global.smtp_auth_password_file, '/etc/am/pw');
    assert.equal(doc.global.smtp_auth_password, undefined);
    assert.equal(doc.receivers[0].pagerduty_configs[0].routing_key_file, '/s/rk');
    assert.deepEqual(doc.receivers[0].webhook_configs[0].http_config.basic_auth, { username: 'u', password_file: '/s/pw' });
    const check = amtool('check-config', write('files.out.yml', forAmtool025(text)));
    assert.ok(check.ok, check.out);
  });

  test('writing is stable: loading the output and writing it again gives the same text', () => {
    const first = configToYaml(loadConfigFile(allIntegrations));
    const second = configToYaml(parseConfig(first, '/'));
    assert.equal(second, first);
  });
});
