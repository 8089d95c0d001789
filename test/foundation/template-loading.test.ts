import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLAXON_BIN, KlaxonProcess } from '../support/klaxon-process';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-tmpl-'));
const good = join(dir, 'good.tmpl');
const bad = join(dir, 'bad.tmpl');
writeFileSync(good, '{{ define "custom.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}\n');
writeFileSync(bad, 'line one\n{{ define "broken" }}{{ if .Status }}unclosed\n');
const config = (glob: string) => `
templates:
  - '${glob}'
route:
  receiver: b
receivers:
  - name: b
`;

const started: KlaxonProcess[] = [];
after(async () => {
  for (const k of started) await k.cleanup();
});

test('check-config parses the templates a config loads and reports a broken one with its file and line', () => {
  const okFile = join(dir, 'ok.yml');
  writeFileSync(okFile, config(join(dir, 'good.tmpl')));
  const ok = spawnSync(KLAXON_BIN, ['check-config', okFile], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(ok.stdout, / - 1 templates/);

  const badFile = join(dir, 'bad.yml');
  writeFileSync(badFile, config(join(dir, '*.tmpl')));
  const r = spawnSync(KLAXON_BIN, ['check-config', badFile], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: .*bad\.tmpl:\d+/);
});

test('a template that does not parse stops the start; on reload it is refused and the running templates stay', async () => {
  const startBad = new KlaxonProcess({ config: config(join(dir, '*.tmpl')) });
  started.push(startBad);
  await assert.rejects(startBad.start(15_000), /bad\.tmpl:\d+/);

  const k = await KlaxonProcess.start({ config: config(good) });
  started.push(k);
  k.writeConfig(config(join(dir, '*.tmpl')));
  const reload = await fetch(`${k.baseUrl}/-/reload`, { method: 'POST' });
  assert.equal(reload.status, 500);
  assert.match(await reload.text(), /^failed to reload config: .*bad\.tmpl:\d+/);
  k.writeConfig(config(good));
  assert.equal((await fetch(`${k.baseUrl}/-/reload`, { method: 'POST' })).status, 200);
});
