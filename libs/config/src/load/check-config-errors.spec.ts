// Every validation error of reference 2.8 (and the time interval errors of 2.6), compared with what
// the real `amtool check-config` 0.25 printed for the same file (captured by
// libs/config/scripts/capture-amtool-check-config.sh into libs/config/testdata/check-config/).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../testing/repo-paths';
import { issuesOf } from '../testing/config-issues';

const dir = repoPath('libs/config/testdata/check-config');
const newer: Record<string, { message: string; why: string }> = JSON.parse(readFileSync(join(dir, 'newer-wording.json'), 'utf8'));

interface Expected {
  line?: number;
  message: string;
}

/** The errors amtool printed: one message, or the `line N: …` list of a YAML unmarshal failure. */
function amtoolErrors(output: string): Expected[] {
  const lines = output.split('\n');
  const m = /FAILED: (.*)$/.exec(lines[0]);
  if (!m) return [];
  if (m[1] !== 'yaml: unmarshal errors:') return [{ message: m[1] }];
  return lines
    .slice(1)
    .map((l) => /^ {2}line (\d+): (.*)$/.exec(l))
    .filter((x): x is RegExpExecArray => x !== null)
    .map((x) => ({ line: Number(x[1]), message: x[2] }));
}

const cases = readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => f.slice(0, -4)).sort();

describe('config validation errors match amtool check-config 0.25', () => {
  test('the captured cases are all there', () => {
    assert.ok(cases.length >= 60, `only ${cases.length} cases`);
  });
  for (const name of cases) {
    test(name, () => {
      const text = readFileSync(join(dir, `${name}.yml`), 'utf8');
      const captured = amtoolErrors(readFileSync(join(dir, `${name}.amtool.txt`), 'utf8'));
      const expected: Expected[] = newer[name] ? [{ message: newer[name].message }] : captured;
      assert.ok(newer[name] || captured.length > 0, 'amtool 0.25 accepted this file and no newer wording is recorded');
      const issues = issuesOf(text);
      assert.ok(issues.length > 0, 'Klaxon accepted a file amtool rejects');
      for (const want of expected) {
        const found = issues.find((i) => i.message === want.message && (want.line === undefined || i.line === want.line));
        assert.ok(found, `missing ${JSON.stringify(want)}; got ${JSON.stringify(issues)}`);
      }
      if (text.trim() !== '') {
        for (const issue of issues) assert.ok(issue.line !== undefined && issue.line > 0, `no line for ${issue.message}`);
      }
    });
  }
});
