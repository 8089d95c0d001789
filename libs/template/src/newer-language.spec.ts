// text/template features of Go releases newer than the one amtool 0.25 was built with, and the
// `call` builtin (no function values exist in Alertmanager's data), tested from Go's documentation.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet } from './index';
import { GoFunc, GoStruct } from './values';
import { sampleData } from './test-fixtures';

const set = TemplateSet.empty();
const data = sampleData();

describe('newer text/template features', () => {
  test('range over an integer (Go 1.22)', () => {
    assert.equal(set.executeText('{{ range 3 }}{{ . }},{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}', data), '0,1,2,|01|none');
    assert.throws(() => set.executeText('{{ range $i, $e := 3 }}{{ end }}', data), /can't use \$i, \$e := 3 to iterate over more than one variable/);
  });

  test('else with (Go 1.23)', () => {
    const text = '{{ with .CommonLabels.nope }}a{{ else with .CommonLabels.env }}env={{ . }}{{ else }}none{{ end }}';
    assert.equal(set.executeText(text, data), 'env=prod');
  });

  test('break and continue apply to the innermost range', () => {
    const text = '{{ range $i := 3 }}{{ range $j := 3 }}{{ if eq $j 1 }}{{ continue }}{{ end }}{{ if eq $j 2 }}{{ break }}{{ end }}{{ $i }}{{ $j }} {{ end }}{{ end }}';
    assert.equal(set.executeText(text, data), '00 10 20 ');
  });

  test('call invokes a function value with checked arguments', () => {
    const add = new GoFunc('add', ['int', 'int'], (a, b) => (a as bigint) + (b as bigint));
    const withFn = new GoStruct('main.T', [['Add', add]]);
    assert.equal(set.executeText('{{ call .Add 2 3 }}', withFn), '5');
    assert.throws(() => set.executeText('{{ call .Add 2 }}', withFn), /error calling call: wrong number of args: got 1 want 2/);
    assert.throws(() => set.executeText('{{ .Add }}', withFn), /can't print \{\{\.Add\}\} of type func/);
  });

  test('html templates print nil as nothing, text templates as <no value>', () => {
    const withNil = new GoStruct('main.T', [['X', null]]);
    assert.equal(set.executeText('[{{ .X }}]', withNil), '[<no value>]');
    assert.equal(set.executeHtml('[{{ .X }}]', withNil), '[]');
  });
});
