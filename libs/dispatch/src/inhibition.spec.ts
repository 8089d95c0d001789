import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, LabelSet, matchesLabels, parseMatchers } from '../../core/src';
import { buildInhibitionIndex, computeInhibitions, InhibitRule } from './inhibition';
import { isResolved } from './alert';
import { capture, captureInhibitRules, capturedAlerts, firstFlushTime } from './testdata/notifications-fixture';

const NOW = 1_000_000;
const alert = (labels: LabelSet, endsAt = NOW + 60_000) => ({ labels, endsAt, fingerprint: fingerprint(labels) });
const rule = (source: string, target: string, equal: string[] = []): InhibitRule => ({
  sourceMatchers: parseMatchers(source),
  targetMatchers: parseMatchers(target),
  equal,
});

describe('computeInhibitions', () => {
  const critWarn = rule('severity="critical"', 'severity="warning"', ['instance']);

  test('a target with a firing source of equal labels is inhibited by that source', () => {
    const src = alert({ alertname: 'Down', severity: 'critical', instance: 'a' });
    const tgt = alert({ alertname: 'Slow', severity: 'warning', instance: 'a' });
    const other = alert({ alertname: 'Slow', severity: 'warning', instance: 'b' });
    const result = computeInhibitions([critWarn], [src, tgt, other], NOW);
    assert.deepEqual([...result], [[tgt.fingerprint, [src.fingerprint]]]);
  });

  test('a resolved source does not inhibit', () => {
    const src = alert({ severity: 'critical', instance: 'a' }, NOW);
    const tgt = alert({ severity: 'warning', instance: 'a' });
    assert.equal(computeInhibitions([critWarn], [src, tgt], NOW).size, 0);
    assert.equal(computeInhibitions([critWarn], [src, tgt], NOW - 1).size, 1);
  });

  test('an equal label missing on both sides counts as equal; missing on one side does not', () => {
    const src = alert({ severity: 'critical' });
    const tgtMissing = alert({ severity: 'warning', x: '1' });
    const tgtPresent = alert({ severity: 'warning', instance: 'a' });
    const result = computeInhibitions([critWarn], [src, tgtMissing, tgtPresent], NOW);
    assert.deepEqual([...result.keys()], [tgtMissing.fingerprint]);
  });

  test('with no equal labels any source inhibits any target', () => {
    const src = alert({ severity: 'critical', instance: 'a' });
    const tgt = alert({ severity: 'warning', instance: 'z' });
    assert.equal(computeInhibitions([rule('severity="critical"', 'severity="warning"')], [src, tgt], NOW).size, 1);
  });

  test('self-inhibition guard: alerts matching both sides do not inhibit each other', () => {
    const both = rule('kind="both"', 'kind="both"', ['cluster']);
    const a = alert({ kind: 'both', cluster: 'k', i: '1' });
    const b = alert({ kind: 'both', cluster: 'k', i: '2' });
    assert.equal(computeInhibitions([both], [a, b], NOW).size, 0);
  });

  test('guard: a two-sided target is still inhibited by a source that is not a target', () => {
    const r = rule('severity=~"critical|page"', 'team="x"', ['cluster']);
    const twoSided = alert({ severity: 'critical', team: 'x', cluster: 'k' });
    const sourceOnly = alert({ severity: 'page', cluster: 'k' });
    const result = computeInhibitions([r], [twoSided, sourceOnly], NOW);
    assert.deepEqual(result.get(twoSided.fingerprint), [sourceOnly.fingerprint]);
    assert.equal(result.has(sourceOnly.fingerprint), false);
  });

  test('guard: a one-sided target is inhibited by a two-sided source', () => {
    const r = rule('severity="critical"', 'team="x"', []);
    const twoSidedSource = alert({ severity: 'critical', team: 'x' });
    const target = alert({ team: 'x', severity: 'info' });
    const result = computeInhibitions([r], [twoSidedSource, target], NOW);
    assert.deepEqual(result.get(target.fingerprint), [twoSidedSource.fingerprint]);
    assert.equal(result.has(twoSidedSource.fingerprint), false);
  });

  test('inhibited or silenced sources still inhibit (no chaining guard)', () => {
    const r1 = rule('level="3"', 'level="2"');
    const r2 = rule('level="2"', 'level="1"');
    const l3 = alert({ level: '3' });
    const l2 = alert({ level: '2' });
    const l1 = alert({ level: '1' });
    const result = computeInhibitions([r1, r2], [l1, l2, l3], NOW);
    assert.deepEqual(result.get(l2.fingerprint), [l3.fingerprint]);
    assert.deepEqual(result.get(l1.fingerprint), [l2.fingerprint]);
  });

  test('the first rule in config order that inhibits names the source', () => {
    const a = alert({ src: 'a' });
    const b = alert({ src: 'b' });
    const t = alert({ tgt: '1' });
    const result = computeInhibitions([rule('src="b"', 'tgt="1"'), rule('src="a"', 'tgt="1"')], [a, b, t], NOW);
    assert.deepEqual(result.get(t.fingerprint), [b.fingerprint]);
  });

  test('among several sources the one ending last is named', () => {
    const early = alert({ src: 'x', n: '1' }, NOW + 10);
    const late = alert({ src: 'x', n: '2' }, NOW + 99);
    const t = alert({ tgt: '1' });
    const result = computeInhibitions([rule('src="x"', 'tgt="1"')], [early, t, late], NOW);
    assert.deepEqual(result.get(t.fingerprint), [late.fingerprint]);
  });

  test('the index answers for label sets that are not among the alerts', () => {
    const index = buildInhibitionIndex([critWarn], [alert({ severity: 'critical', instance: 'a' })], NOW);
    assert.equal(index.inhibitedBy({ labels: { severity: 'warning', instance: 'a' } }).length, 1);
    assert.deepEqual(index.inhibitedBy({ labels: { severity: 'warning', instance: 'b' } }), []);
  });

  test('work grows linearly: no scan over sources, even when every alert is on both sides', () => {
    let evaluations = 0;
    const counted = (ms: ReturnType<typeof parseMatchers>) =>
      ms.map((m) => {
        const spy = Object.create(m);
        spy.matches = (v: string) => {
          evaluations++;
          return m.matches(v);
        };
        return spy;
      });
    const both: InhibitRule = { sourceMatchers: counted(parseMatchers('kind="both"')), targetMatchers: counted(parseMatchers('kind="both"')), equal: ['cluster'] };
    const n = 3000;
    const alerts = Array.from({ length: n }, (_, i) => alert({ kind: 'both', cluster: 'k', i: String(i) }));
    const result = computeInhibitions([both], alerts, NOW);
    assert.equal(result.size, 0);
    assert.ok(evaluations <= 6 * n, `${evaluations} matcher evaluations for ${n} alerts`);
  });

  test('equals a direct reading of the rules on random alerts', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rules = [
      rule('sev=~"crit|page"', 'sev=~"warn|crit"', ['zone', 'app']),
      rule('kind="outage"', 'kind!="outage"', ['zone']),
      rule('app="db"', 'app=~"db|api"', []),
    ];
    for (let round = 0; round < 20; round++) {
      const alerts = Array.from({ length: 60 }, (_, i) => {
        const labels: LabelSet = { i: String(i) };
        const pick = (name: string, values: string[]) => {
          const v = values[rand(values.length + 1)];
          if (v !== undefined) labels[name] = v;
        };
        pick('sev', ['crit', 'warn', 'page', 'info']);
        pick('zone', ['a', 'b']);
        pick('app', ['db', 'api', 'web']);
        pick('kind', ['outage', 'blip']);
        return alert(labels, NOW + rand(3) - 1);
      });
      const result = computeInhibitions(rules, alerts, NOW);
      const get = (l: LabelSet, n: string) => l[n] ?? '';
      for (const t of alerts) {
        // Sources of the first rule that has any, per the definition in the reference (3.8).
        let expected: string[] = [];
        for (const r of rules) {
          if (!matchesLabels(r.targetMatchers, t.labels)) continue;
          const twoSided = matchesLabels(r.sourceMatchers, t.labels);
          expected = alerts
            .filter((s) => matchesLabels(r.sourceMatchers, s.labels) && !isResolved(s, NOW))
            .filter((s) => r.equal.every((n) => get(s.labels, n) === get(t.labels, n)))
            .filter((s) => !twoSided || !matchesLabels(r.targetMatchers, s.labels))
            .map((s) => s.fingerprint);
          if (expected.length > 0) break;
        }
        const got = result.get(t.fingerprint) ?? [];
        assert.equal(got.length, expected.length > 0 ? 1 : 0, JSON.stringify(t.labels));
        if (got.length) assert.ok(expected.includes(got[0]));
      }
    }
  });
});

describe('inhibitedBy as Alertmanager 0.25 reported it (testdata/notifications.json)', () => {
  test('every listed alert has the same inhibitedBy', () => {
    const result = computeInhibitions(captureInhibitRules(), capturedAlerts(), firstFlushTime());
    assert.ok(capture.alerts.some((a) => a.status.inhibitedBy.length > 0));
    for (const a of capture.alerts) {
      assert.deepEqual(result.get(a.fingerprint) ?? [], a.status.inhibitedBy, JSON.stringify(a.labels));
    }
    const listed = new Set(capture.alerts.map((a) => a.fingerprint));
    for (const fp of result.keys()) assert.ok(listed.has(fp), `${fp} inhibited but not listed`);
  });
});
