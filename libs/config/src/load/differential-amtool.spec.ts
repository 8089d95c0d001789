// Differential test: for seeded random configs, the real `amtool check-config` 0.25 and Klaxon agree
// on accept/reject, and the error amtool reports is among Klaxon's. The loader runs in `classic`
// matcher mode, the label-name and matcher rules of 0.25 (the default mode accepts UTF-8 names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config-error';
import { parseConfig } from './parse-config';
import { randomConfig } from './random-configs';
import { configToYaml } from '../write/config-to-yaml';
import { forAmtool025 } from '../testing/for-amtool-025';

/** 0.25 wording that newer releases changed (see testdata/check-config/newer-wording.json). */
const NEWER: Record<string, string> = {
  'cannot have wildcard group_by (`...`) and other other labels at the same time':
    'cannot have wildcard group_by (`...`) and other labels at the same time',
};

/** Styles seen in real configs: spaced operators, unquoted regexes, anchors, flow maps. */
const HANDWRITTEN = [
  'route:\n  receiver: "null"\n  routes:\n  - receiver: "null"\n    matchers:\n    - alertname = "Watchdog"\n    - severity =~ warning|critical\n    - team != ops\nreceivers:\n- name: "null"\n',
  'route:\n  receiver: a\n  routes:\n  - {receiver: a, match_re: {service: "^(foo1|foo2|baz)$"}, continue: true}\n  - {receiver: a, match: {test: 2}}\nreceivers:\n- {name: a}\n',
  'global:\n  resolve_timeout: 1m\nroute:\n  receiver: a\n  group_by: [\'...\']\nreceivers:\n- name: a\n  webhook_configs:\n  - url: "http://127.0.0.1:5001/"\n    send_resolved: false\n',
  'route:\n  receiver: a\n  routes:\n  - matchers: [\'{severity="critical", team=~"a|b"}\']\n    receiver: a\n    active_time_intervals: [work]\ntime_intervals:\n- name: work\n  time_intervals:\n  - times: [{start_time: "09:00", end_time: "18:00"}]\n    weekdays: [\'monday:friday\']\n    location: Asia/Seoul\nreceivers:\n- name: a\n',
];

function routesShow(file: string): string {
  return execFileSync('amtool', ['config', 'routes', 'show', `--config.file=${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function amtoolErrors(file: string): string[] | undefined {
  try {
    execFileSync('amtool', ['check-config', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return undefined;
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? '');
    const first = out.split('\n')[0].replace(/^.*FAILED: /, '');
    if (first !== 'yaml: unmarshal errors:') return [NEWER[first] ?? first];
    return out.split('\n').slice(1).map((l) => /^ {2}line \d+: (.*)$/.exec(l)?.[1]).filter((m): m is string => m !== undefined);
  }
}

test('random configs: Klaxon agrees with amtool check-config 0.25, and amtool loads what configToYaml writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-differential-'));
  let rejected = 0;
  const texts = [...HANDWRITTEN, ...Array.from({ length: 150 }, (_, i) => randomConfig(i + 1))];
  for (let seed = 1; seed <= texts.length; seed++) {
    const text = texts[seed - 1];
    const file = join(dir, `c${seed}.yml`);
    writeFileSync(file, text);
    const theirs = amtoolErrors(file);
    let ours: string[] = [];
    try {
      const config = parseConfig(text, dir, undefined, { matcherMode: 'classic' });
      // What Klaxon serves as config.original must load in amtool and show the same routes.
      const written = join(dir, `c${seed}.written.yml`);
      writeFileSync(written, forAmtool025(configToYaml(config)));
      assert.equal(amtoolErrors(written), undefined, `seed ${seed}: amtool rejects configToYaml output`);
      if (theirs === undefined) assert.equal(routesShow(written), routesShow(file), `seed ${seed}: routes differ`);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      ours = e.errors.map((i) => i.message);
    }
    if (theirs === undefined) {
      assert.deepEqual(ours, [], `seed ${seed}: amtool accepts, Klaxon rejects\n${text}`);
      continue;
    }
    rejected++;
    for (const message of theirs) {
      assert.ok(ours.includes(message), `seed ${seed}: amtool says ${JSON.stringify(message)}, Klaxon ${JSON.stringify(ours)}\n${text}`);
    }
  }
  assert.ok(rejected > 30 && rejected < 130, `${rejected} of 150 rejected: the generator lost its spread`);
});
