import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';

const CONFIG = `
route:
  receiver: hook
  group_wait: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:9/hook
  - name: unused
`;

/** Parses the text format into `name{labels}` → value. */
function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

async function scrape(k: KlaxonProcess): Promise<{ text: string; values: Map<string, number>; contentType: string | null }> {
  const r = await fetch(`${k.baseUrl}/metrics`);
  assert.equal(r.status, 200);
  const text = await r.text();
  return { text, values: parseMetrics(text), contentType: r.headers.get('content-type') };
}

describe('GET /metrics', () => {
  let redis: TestRedisServer;
  let a: KlaxonProcess;
  let b: KlaxonProcess;
  before(async () => {
    redis = await TestRedisServer.start();
    [a, b] = await Promise.all([KlaxonProcess.start({ config: CONFIG, redisUrl: redis.url }), KlaxonProcess.start({ config: CONFIG, redisUrl: redis.url })]);
  });
  after(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
    await redis?.stop();
  });

  test('serves the text format with Alertmanager\'s series names, types and HELP', async () => {
    await fetch(`${a.baseUrl}/-/ready`);
    const { text, values, contentType } = await scrape(a);
    assert.match(contentType ?? '', /^text\/plain; version=0\.0\.4/);
    for (const [name, type] of [
      ['alertmanager_notifications_total', 'counter'],
      ['alertmanager_notifications_failed_total', 'counter'],
      ['alertmanager_notification_requests_total', 'counter'],
      ['alertmanager_alerts_received_total', 'counter'],
      ['alertmanager_alerts_invalid_total', 'counter'],
      ['alertmanager_config_last_reload_successful', 'gauge'],
      ['alertmanager_config_hash', 'gauge'],
      ['alertmanager_build_info', 'gauge'],
      ['alertmanager_http_request_duration_seconds', 'histogram'],
    ]) {
      assert.ok(text.includes(`# TYPE ${name} ${type}\n`), `${name} is a ${type}`);
    }
    assert.equal(values.get('alertmanager_notifications_failed_total{integration="webhook",reason="serverError"}'), 0);
    assert.equal(values.get('alertmanager_config_last_reload_successful'), 1);
    assert.equal(values.get('alertmanager_receivers'), 2);
    assert.equal(values.get('alertmanager_integrations'), 1);
    assert.ok((values.get('process_resident_memory_bytes') ?? 0) > 0);
  });

  test('HTTP request durations are recorded per handler pattern', async () => {
    await fetch(`${a.baseUrl}/-/healthy`);
    await fetch(`${a.baseUrl}/-/healthy`);
    const { values } = await scrape(a);
    assert.ok((values.get('alertmanager_http_request_duration_seconds_count{handler="/-/healthy",method="get",code="200"}') ?? 0) >= 2);
  });

  test('silences by state, and cluster-wide state reported by exactly one of two processes', async () => {
    const now = Date.now();
    const post = await fetch(`${a.baseUrl}/api/v2/silences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        matchers: [{ name: 'alertname', value: 'x', isRegex: false }],
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        createdBy: 't',
        comment: 'c',
      }),
    });
    assert.equal(post.status, 200);
    // Both processes register in the peer list on their first heartbeat; wait until both are in.
    let [sa, sb] = await Promise.all([scrape(a), scrape(b)]);
    for (let i = 0; i < 40 && Math.max(sa.values.get('alertmanager_cluster_members') ?? 0, sb.values.get('alertmanager_cluster_members') ?? 0) < 2; i++) {
      await new Promise((r) => setTimeout(r, 250));
      [sa, sb] = await Promise.all([scrape(a), scrape(b)]);
    }
    const reporters = [sa, sb].filter((s) => s.values.get('klaxon_state_metrics_reporter') === 1);
    assert.equal(reporters.length, 1, 'one reporter');
    const reporter = reporters[0];
    const other = reporter === sa ? sb : sa;
    assert.equal(reporter.values.get('alertmanager_silences{state="active"}'), 1);
    assert.equal(reporter.values.get('alertmanager_cluster_members'), 2);
    assert.equal(other.values.get('alertmanager_silences{state="active"}'), undefined, 'the other process leaves state gauges out');
  });

  test('aggregation groups, received alerts and delivery queues are reported', async () => {
    const post = await fetch(`${a.baseUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ labels: { alertname: 'Grouped', i: '1' } }, { labels: { alertname: 'Grouped', i: '2' } }, { labels: {} }]),
    });
    assert.equal(post.status, 400, 'one invalid alert');
    const received = (await scrape(a)).values;
    assert.equal(received.get('alertmanager_alerts_received_total{status="firing",version="v2"}'), 2);
    assert.equal(received.get('alertmanager_alerts_invalid_total{version="v2"}'), 1);
    let reporter: Map<string, number> | undefined;
    for (let i = 0; i < 40 && reporter?.get('alertmanager_dispatcher_aggregation_groups') !== 1; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const [sa, sb] = await Promise.all([scrape(a), scrape(b)]);
      reporter = [sa, sb].find((s) => s.values.get('klaxon_state_metrics_reporter') === 1)?.values;
    }
    assert.equal(reporter?.get('alertmanager_dispatcher_aggregation_groups'), 1, 'one group (route {} and no group_by)');
    assert.equal(reporter?.get('alertmanager_alerts{state="active"}'), 2);
    assert.equal(reporter?.get('klaxon_queue_jobs{queue="notify-webhook",state="wait"}'), 0);
    assert.equal(reporter?.get('klaxon_oldest_pending_flush_seconds'), 0, 'group_wait is an hour: nothing is overdue');
  });

  test('a failed reload sets alertmanager_config_last_reload_successful to 0, and a good one back to 1', async () => {
    a.writeConfig('route: [broken');
    const bad = await fetch(`${a.baseUrl}/-/reload`, { method: 'POST' });
    assert.equal(bad.status, 500);
    assert.match(await bad.text(), /^failed to reload config: /);
    assert.equal((await scrape(a)).values.get('alertmanager_config_last_reload_successful'), 0);
    a.writeConfig(CONFIG);
    assert.equal((await fetch(`${a.baseUrl}/-/reload`, { method: 'POST' })).status, 200);
    assert.equal((await scrape(a)).values.get('alertmanager_config_last_reload_successful'), 1);
  });
});
