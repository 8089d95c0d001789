import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateExecError, TemplateParseError, TemplateSet } from './index';
import { sampleData } from './test-fixtures';

function parseError(fn: () => unknown): TemplateParseError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TemplateParseError, `expected a TemplateParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('no error');
}

describe('parse errors carry template, line and column', () => {
  test('in a file', () => {
    const set = TemplateSet.withDefaults();
    const e = parseError(() => set.addFile('team.tmpl', '{{ define "a" }}ok{{ end }}\n\n  {{ nosuch . }}\n'));
    assert.equal(e.template, 'team.tmpl');
    assert.equal(e.line, 3);
    assert.equal(e.column, 6);
    assert.equal(e.message, 'template: team.tmpl:3: function "nosuch" not defined');
  });

  test('columns count UTF-8 bytes from the start of the line, 1-based', () => {
    const e = parseError(() => TemplateSet.empty().addFile('u.tmpl', 'x\né {{ .A # }}'));
    assert.equal(e.line, 2);
    assert.equal(e.detail, 'unexpected "#" in operand');
    assert.equal(e.column, 10);
  });

  test('unclosed actions report where the action started', () => {
    const e = parseError(() => TemplateSet.empty().addFile('x.tmpl', 'a\n{{ if .X }}\n{{ .Y\n'));
    assert.equal(e.message, 'template: x.tmpl:4: unclosed action started at x.tmpl:3');
  });

  test('a file that fails to parse adds nothing to the set', () => {
    const set = TemplateSet.empty();
    set.addFile('good.tmpl', '{{ define "t" }}old{{ end }}');
    parseError(() => set.addFile('bad.tmpl', '{{ define "t" }}new{{ end }}{{ define "u" }}{{ if }}{{ end }}'));
    assert.equal(set.executeText('{{ template "t" }}', sampleData()), 'old');
    assert.equal(set.has('u'), false);
  });

  test('inline text parse errors name the empty template, as Alertmanager', () => {
    const e = parseError(() => TemplateSet.empty().executeText('{{ end }}', sampleData()));
    assert.equal(e.message, 'template: :1: unexpected {{end}}');
  });
});

describe('execution errors name the template and the action', () => {
  test('field errors inside a defined template point into its file', () => {
    const set = TemplateSet.empty();
    set.addFile('t.tmpl', '{{ define "t" }}\n  {{ .Nope }}\n{{ end }}');
    assert.throws(
      () => set.executeText('{{ template "t" . }}', sampleData()),
      (e: Error) => e instanceof TemplateExecError
        && e.message === 'template: t.tmpl:2:5: executing "t" at <.Nope>: can\'t evaluate field Nope in type template.Data',
    );
  });

  test('function errors name the call', () => {
    assert.throws(
      () => TemplateSet.empty().executeText('{{ index .Alerts 9 }}', sampleData()),
      (e: Error) => e.message === 'template: :1:3: executing "" at <index .Alerts 9>: error calling index: index out of range: 9',
    );
  });
});

describe('the set', () => {
  test('later files replace templates of the same name; empty bodies do not', () => {
    const set = TemplateSet.empty();
    set.addFile('a.tmpl', '{{ define "x" }}A{{ end }}');
    set.addFile('b.tmpl', '{{ define "x" }}{{ end }}');
    assert.equal(set.executeText('{{ template "x" }}', sampleData()), 'A');
    set.addFile('c.tmpl', '{{ define "x" }}C{{ end }}');
    assert.equal(set.executeText('{{ template "x" }}', sampleData()), 'C');
  });

  test('clone is independent, and inline templates do not leak into the set', () => {
    const set = TemplateSet.empty();
    set.addFile('a.tmpl', '{{ define "x" }}A{{ end }}');
    const copy = set.clone();
    copy.addFile('b.tmpl', '{{ define "x" }}B{{ end }}');
    set.executeText('{{ define "y" }}Y{{ end }}', sampleData());
    assert.equal(set.executeText('{{ template "x" }}', sampleData()), 'A');
    assert.equal(copy.executeText('{{ template "x" }}', sampleData()), 'B');
    assert.equal(set.has('y'), false);
  });

  test('empty text renders nothing, as ExecuteTextString', () => {
    assert.equal(TemplateSet.empty().executeText('', sampleData()), '');
  });
});
