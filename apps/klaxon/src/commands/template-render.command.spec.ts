import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runTemplateRender } from './template-render.command';
import { expandGlob, loadTemplateGlobs } from '../config/template-files';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c) => (o += c));
  err.on('data', (c) => (e += c));
  const code = await runTemplateRender(args, out, err);
  return { code, out: o, err: e };
}

const dir = mkdtempSync(join(tmpdir(), 'klaxon-render-'));
writeFileSync(join(dir, 'a.tmpl'), '{{ define "team.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}');
writeFileSync(join(dir, 'b.tmpl'), '{{ define "team.title" }}B wins: {{ template "__subject" . }}{{ end }}');
writeFileSync(join(dir, 'broken.txt'), 'ok\n{{ if }}');
writeFileSync(
  join(dir, 'data.json'),
  JSON.stringify({
    receiver: 'team-x\\.y',
    status: 'firing',
    alerts: [{ status: 'firing', labels: { alertname: 'Test', b: 'x' }, annotations: {}, startsAt: '2026-11-24T01:45:37Z', endsAt: '0001-01-01T00:00:00Z' }],
    groupLabels: { alertname: 'Test' },
    commonLabels: { alertname: 'Test', b: 'x' },
    externalURL: 'http://am.example:9093',
  }),
);

describe('klaxon template render', () => {
  test('renders text over the defaults and the glob files, in sorted order, without a newline', async () => {
    const r = await run([`--template.glob=${join(dir, '*.tmpl')}`, '--template.text={{ template "team.title" . }}', `--template.data=${join(dir, 'data.json')}`]);
    assert.deepEqual(r, { code: 0, out: 'B wins: [FIRING:1] Test (x)', err: '' });
  });

  test('accepts space-separated flag values and several globs', async () => {
    const r = await run(['--template.glob', join(dir, 'a.tmpl'), '--template.glob', join(dir, 'none-*.tmpl'), '--template.text', '{{ template "team.title" . }}', '--template.data', join(dir, 'data.json')]);
    assert.equal(r.out, '[FIRING] Test');
  });

  test('html type escapes contextually', async () => {
    const r = await run([`--template.glob=${join(dir, 'a.tmpl')}`, '--template.type=html', '--template.text=<a href="{{ template "__alertmanagerURL" . }}">{{ "<b>" }}</a>', `--template.data=${join(dir, 'data.json')}`]);
    assert.equal(r.out, '<a href="http://am.example:9093/#/alerts?receiver=team-x%5C.y">&lt;b&gt;</a>');
  });

  test('without --template.data, renders amtool\'s sample data', async () => {
    const r = await run([`--template.glob=${join(dir, 'a.tmpl')}`, '--template.text={{ .Receiver }} {{ .Status }} {{ len .Alerts }} {{ .GroupLabels.Names }} {{ (index .Alerts 1).Fingerprint }}']);
    assert.equal(r.out, 'receiver alertstatus 2 [grouplabelkey1 grouplabelkey2] fingerprint2');
  });

  test('a parse error in a template file fails with its name and line', async () => {
    const r = await run([`--template.glob=${join(dir, '*.txt')}`, '--template.text=x']);
    assert.equal(r.code, 1);
    assert.equal(r.err, 'klaxon: error: template: broken.txt:2: missing value for if\n');
  });

  test('execution errors and bad flags exit 1 with a message', async () => {
    const exec = await run([`--template.glob=${join(dir, 'a.tmpl')}`, '--template.text={{ .Nope }}']);
    assert.equal(exec.code, 1);
    assert.match(exec.err, /^klaxon: error: template: :1:3: executing "" at <\.Nope>: can't evaluate field Nope in type template\.Data\n$/);
    assert.equal((await run(['--template.text=x'])).err, 'klaxon: error: required flag --template.glob not provided, try --help\n');
    assert.match((await run([`--template.glob=${dir}/*`, '--template.text=x', '--template.type=pdf'])).err, /enum value must be one of html,text, got 'pdf'/);
  });
});

describe('loading template globs', () => {
  test('expands globs per path segment, sorted, and ignores patterns that match nothing', () => {
    assert.deepEqual(expandGlob(join(dir, '*.tmpl')), [join(dir, 'a.tmpl'), join(dir, 'b.tmpl')]);
    assert.deepEqual(expandGlob(join(dir, '[b]*.t?pl')), [join(dir, 'b.tmpl')]);
    assert.deepEqual(expandGlob(join(dir, 'missing', '*.tmpl')), []);
    assert.deepEqual(expandGlob(join(dir, 'a.tmpl')), [join(dir, 'a.tmpl')]);
  });

  test('loads the defaults and the files, later files overriding earlier ones', () => {
    const set = loadTemplateGlobs([join(dir, '*.tmpl')]);
    assert.ok(set.has('__subject') && set.has('team.title') && set.has('a.tmpl'));
    assert.throws(() => loadTemplateGlobs([join(dir, '*.txt')]), (e: Error) => e.name === 'TemplateParseError' && /broken\.txt:2/.test(e.message));
  });
});
