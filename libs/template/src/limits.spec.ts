import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateLimitError, TemplateSet } from './index';
import { sampleData } from './test-fixtures';

const set = TemplateSet.empty();
const data = sampleData();

function limitOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TemplateLimitError, `expected a TemplateLimitError, got ${String(e)}`);
    return e.limit;
  }
  assert.fail('no error');
}

describe('execution limits', () => {
  test('infinite template recursion stops at the depth bound', () => {
    const text = '{{ define "loop" }}x{{ template "loop" . }}{{ end }}{{ template "loop" . }}';
    assert.equal(limitOf(() => set.executeText(text, data, { maxDepth: 50 })), 'depth');
    assert.throws(() => set.executeText(text, data), /exceeded maximum template depth \(200\)/);
  });

  test('recursion within the bound runs', () => {
    const text = '{{ define "down" }}{{ if . }}{{ len . }}{{ template "down" slice . 1 }}{{ end }}{{ end }}{{ template "down" .Alerts }}';
    assert.equal(set.executeText(text, data, { maxDepth: 50 }), '21');
  });

  test('output larger than the bound fails, with the action named', () => {
    const text = '{{ define "grow" }}0123456789{{ template "grow" . }}{{ end }}{{ template "grow" . }}';
    assert.equal(limitOf(() => set.executeText(text, data, { maxOutputBytes: 1000, maxDepth: 10_000 })), 'output');
    assert.throws(
      () => set.executeText('{{ range .Alerts }}{{ printf "%0900d" 1 }}{{ end }}', data, { maxOutputBytes: 1000 }),
      /executing "" at <\{\{printf "%0900d" 1\}\}>: template output exceeded the size limit \(1000 bytes\)$/,
    );
  });

  test('a template that runs too long fails instead of hanging', () => {
    // Nested ranges over an ever-growing list would take far longer than the bound.
    const text = '{{ $l := stringSlice "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" }}'
      + '{{ range $l }}{{ range $l }}{{ range $l }}{{ range $l }}{{ range $l }}{{ range $l }}{{ range $l }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}';
    const started = Date.now();
    assert.equal(limitOf(() => set.executeText(text, data, { timeoutMs: 50 })), 'time');
    assert.ok(Date.now() - started < 2000);
  });

  test('limits do not change what a template renders', () => {
    const text = '{{ range .Alerts }}{{ .Labels.alertname }} {{ end }}';
    assert.equal(set.executeText(text, data, { maxDepth: 5, maxOutputBytes: 100, timeoutMs: 1000 }), 'HighLatency HighLatency ');
  });
});

describe('memory bounds', () => {
  test('a value doubled in a variable is stopped before it exhausts memory', () => {
    const text = '{{ $s := "xxxxxxxxxx" }}{{ range stringSlice "1" "2" "3" "4" "5" "6" "7" "8" "9" "10" "11" "12" "13" "14" "15" "16" "17" "18" "19" "20" "21" "22" "23" "24" "25" "26" "27" "28" "29" "30" }}{{ $s = printf "%s%s" $s $s }}{{ end }}{{ len $s }}';
    assert.equal(limitOf(() => set.executeText(text, data, { maxOutputBytes: 1_000_000 })), 'output');
  });

  test('absurdly deep nesting is a parse error, not a crash', () => {
    const text = '{{ ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + ' }}';
    assert.throws(() => set.executeText(text, data), /nested too deeply/);
  });
});
