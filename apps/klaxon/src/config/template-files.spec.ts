import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandGlob, loadTemplateGlobs } from './template-files';

describe('template files of a config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-tmpl-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.tmpl'), '{{ define "__subject" }}custom {{ .Status }}{{ end }}');
  writeFileSync(join(dir, 'b.tmpl'), '{{ define "extra" }}x{{ end }}');
  writeFileSync(join(dir, 'c.txt'), 'not matched');
  writeFileSync(join(dir, 'sub', 'd.tmpl'), '{{ define "deep" }}d{{ end }}');

  it('expands * ? and [..] within one path segment, sorted', () => {
    assert.deepEqual(expandGlob(join(dir, '*.tmpl')), [join(dir, 'a.tmpl'), join(dir, 'b.tmpl')]);
    assert.deepEqual(expandGlob(join(dir, '[ab].tmp?')), [join(dir, 'a.tmpl'), join(dir, 'b.tmpl')]);
    assert.deepEqual(expandGlob(join(dir, '*', '*.tmpl')), [join(dir, 'sub', 'd.tmpl')]);
    assert.deepEqual(expandGlob(join(dir, 'missing.tmpl')), []);
  });

  it('user files override the defaults and add definitions', () => {
    const set = loadTemplateGlobs([join(dir, '*.tmpl')]);
    assert.ok(set.has('extra'));
    assert.equal(set.has('deep'), false);
    assert.ok(set.has('email.default.html'));
  });
});
