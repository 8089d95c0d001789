import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricsRegistry } from './registry';

test('renders counters, gauges and histograms in the text format, families sorted by name', () => {
  const r = new MetricsRegistry();
  const c = r.counter('b_total', 'Things.', ['integration']);
  c.inc({ integration: 'webhook' });
  c.inc({ integration: 'webhook' }, 2);
  c.touch({ integration: 'email' });
  const g = r.gauge('a_gauge', 'A gauge.', ['state']);
  g.set({ state: 'active' }, 5);
  const h = r.histogram('c_seconds', 'Latency.', ['integration'], [0.1, 1]);
  h.observe({ integration: 'webhook' }, 0.05);
  h.observe({ integration: 'webhook' }, 0.5);
  assert.equal(
    r.render(),
    [
      '# HELP a_gauge A gauge.',
      '# TYPE a_gauge gauge',
      'a_gauge{state="active"} 5',
      '# HELP b_total Things.',
      '# TYPE b_total counter',
      'b_total{integration="webhook"} 3',
      'b_total{integration="email"} 0',
      '# HELP c_seconds Latency.',
      '# TYPE c_seconds histogram',
      'c_seconds_bucket{integration="webhook",le="0.1"} 1',
      'c_seconds_bucket{integration="webhook",le="1"} 2',
      'c_seconds_bucket{integration="webhook",le="+Inf"} 2',
      'c_seconds_sum{integration="webhook"} 0.55',
      'c_seconds_count{integration="webhook"} 2',
      '',
    ].join('\n'),
  );
});

test('label values are escaped; unknown labels and negative increments are errors', () => {
  const r = new MetricsRegistry();
  const g = r.gauge('x', 'x', ['v']);
  g.set({ v: 'a"b\\c\nd' }, 1);
  assert.match(r.render(), /x\{v="a\\"b\\\\c\\nd"\} 1/);
  assert.throws(() => g.set({ nope: '1' } as never, 1), /has no label nope/);
  assert.throws(() => r.counter('y', 'y').inc({}, -1), /cannot decrease/);
  assert.throws(() => r.gauge('x', 'again'), /registered twice/);
});

test('empty families are left out', () => {
  const r = new MetricsRegistry();
  r.counter('never_total', 'n', ['l']);
  assert.equal(r.render(), '\n');
});
