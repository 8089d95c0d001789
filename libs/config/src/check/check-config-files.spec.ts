// checkConfigFiles against amtool check-config 0.25 output (captured by
// libs/config/scripts/capture-amtool-check-config-success.sh).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../testing/repo-paths';
import { checkConfigFiles } from './check-config-files';

const dir = repoPath('libs/config/testdata/check-config-success');
const captured = (name: string) => readFileSync(join(dir, name), 'utf8');
process.chdir(dir);

describe('checkConfigFiles', () => {
  test('valid files print what amtool prints, byte for byte (templates checked by the callback)', () => {
    const globs: string[][] = [];
    const r = checkConfigFiles(['minimal.yml', 'with-templates.yml'], {
      checkTemplates: (g) => {
        globs.push(g);
        return undefined;
      },
    });
    assert.equal(r.output, captured('all.amtool.txt'));
    assert.equal(r.ok, true);
    assert.deepEqual(globs, [[join(dir, 'none/*.tmpl'), join(dir, 'other/*.tmpl')]]);
    assert.equal(checkConfigFiles(['minimal.yml']).output, captured('minimal.amtool.txt'));
  });

  test('a template failure fails the check with the message on the template line', () => {
    const r = checkConfigFiles(['with-templates.yml'], { checkTemplates: () => 'template: bad.tmpl:2: unclosed action' });
    assert.equal(r.ok, false);
    assert.match(r.output, / - 2 templates\n {2}FAILED: template: bad.tmpl:2: unclosed action\n\n$/);
  });

  test('failures list every error with its place, and other files are still checked', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'klaxon-check-'));
    const bad = join(tmp, 'bad.yml');
    writeFileSync(bad, 'route:\n  receiver: x\n  group_by: [a, a]\nreceivers:\n- name: x\n  foo: 1\n');
    const single = join(tmp, 'single.yml');
    writeFileSync(single, 'route:\n  receiver: x\n  continue: true\nreceivers:\n- name: x\n');
    const r = checkConfigFiles([bad, single, 'minimal.yml']);
    assert.equal(r.ok, false);
    assert.equal(
      r.output,
      `Checking '${bad}'  FAILED: 2 errors:\n` +
        '  line 3: route.group_by: duplicated label "a" in group_by\n' +
        '  line 6: receivers[0].foo: field foo not found in type config.plain\n\n' +
        `Checking '${single}'  FAILED: line 2: route: cannot have continue in root route\n\n` +
        captured('minimal.amtool.txt'),
    );
  });

  test('a missing file fails with the open error', () => {
    const r = checkConfigFiles(['does-not-exist.yml']);
    assert.equal(r.ok, false);
    assert.equal(r.output, "Checking 'does-not-exist.yml'  FAILED: open does-not-exist.yml: no such file or directory\n\n");
  });

  test('warnings (tracing) are returned, not printed', () => {
    const r = checkConfigFiles([repoPath('test/fixtures/configs/upstream-simple.yml')]);
    assert.equal(r.ok, true);
    assert.equal(r.warnings.length, 1);
    assert.doesNotMatch(r.output, /tracing/);
  });
});
