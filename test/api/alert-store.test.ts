// libs/store AlertRepository on a real Redis: merges stay correct under concurrent writers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type Redis from 'ioredis';
import { fingerprint } from '../../libs/core/src';
import type { StoredAlert } from '../../libs/dispatch/src';
import { AlertMirror, AlertRepository, SilenceRepository } from '../../libs/store/src';
import { ALERT_EVENTS_GROUP, AlertEventsReader } from '../../libs/store/src/dispatch';
import { TestRedisServer } from '../support/redis-server';

function alert(labels: Record<string, string>, startsAt: number, endsAt: number, updatedAt: number): StoredAlert {
  return { labels, annotations: { at: String(updatedAt) }, startsAt, endsAt, generatorURL: '', updatedAt, timeout: false, fingerprint: fingerprint(labels) };
}

describe('AlertRepository', () => {
  let server: TestRedisServer;
  const clients: Redis[] = [];

  before(async () => {
    server = await TestRedisServer.start({ appendOnly: false });
    for (let i = 0; i < 4; i++) clients.push(server.client());
  });

  after(async () => {
    for (const c of clients) c.disconnect();
    await server.stop();
  });

  test('concurrent writers of one fingerprint (four connections): no merge is lost, the earliest startsAt wins', async () => {
    const repos = clients.map((c) => new AlertRepository(c));
    const labels = { alertname: 'Race' };
    const base = Date.now();
    const writes = Array.from({ length: 40 }, (_, i) =>
      repos[i % repos.length].ingest([alert(labels, base - (40 - i) * 1000, base + 3_600_000, base + i)], base),
    );
    await Promise.all(writes);
    const stored = await repos[0].get(fingerprint(labels));
    assert.equal(stored?.startsAt, base - 40_000, 'every one of the 40 posts took part in the merge');
    const events = await clients[0].xlen('klaxon:alert-events');
    assert.equal(events, 40, 'one stream entry per stored batch');
  });

  test('a batch with the same fingerprint twice merges them in order; distinct fingerprints stored in one step', async () => {
    const repo = new AlertRepository(clients[0]);
    const now = Date.now();
    const result = await repo.ingest(
      [
        alert({ alertname: 'Twice' }, now - 5_000, now + 60_000, now),
        alert({ alertname: 'Twice' }, now - 1_000, now + 60_000, now + 1),
        alert({ alertname: 'Other' }, now, now + 60_000, now),
      ],
      now,
    );
    assert.equal(result.alerts.length, 2);
    assert.match(result.eventId, /^\d+-\d+$/);
    const twice = await repo.get(fingerprint({ alertname: 'Twice' }));
    assert.equal(twice?.startsAt, now - 5_000);
    assert.equal(twice?.annotations.at, String(now + 1));
  });

  test('the event names every stored alert, and apart those to group again, as the dispatcher reads them', async () => {
    const repo = new AlertRepository(clients[1]);
    const now = Date.now();
    await repo.ingest([alert({ alertname: 'Kept' }, now - 600_000, now + 60_000, now), alert({ alertname: 'Regrouped' }, now - 600_000, now + 60_000, now)], now);
    // The dispatcher is asked to group again only what the predicate keeps; it is shown the stored alert before and after.
    const seen: Array<[string, boolean]> = [];
    const { eventId } = await repo.ingest(
      [alert({ alertname: 'Kept' }, now - 600_000, now + 120_000, now + 1), alert({ alertname: 'Regrouped' }, now - 600_000, now + 120_000, now + 1)],
      now + 1,
      (previous, next) => {
        seen.push([next.labels.alertname, previous?.endsAt === now + 60_000 && next.endsAt === now + 120_000]);
        return next.labels.alertname === 'Regrouped';
      },
    );
    assert.deepEqual(seen.sort(), [['Kept', true], ['Regrouped', true]]);
    const [[, fields]] = await clients[1].xrange('klaxon:alert-events', eventId, eventId);
    const field = (name: string) => fields[fields.indexOf(name) + 1].split(',').sort();
    assert.deepEqual(field('fps'), [fingerprint({ alertname: 'Kept' }), fingerprint({ alertname: 'Regrouped' })].sort());
    assert.deepEqual(field('grp'), [fingerprint({ alertname: 'Regrouped' })]);
    // What the dispatcher's reader takes from such an entry, and from one written before `grp` existed.
    await clients[1].xgroup('CREATE', 'klaxon:alert-events', ALERT_EVENTS_GROUP, '0', 'MKSTREAM');
    await clients[1].xadd('klaxon:alert-events', '*', 'fps', 'aaaa,bbbb');
    const reader = new AlertEventsReader(clients[2], clients[1], 'test-consumer');
    const events = await reader.readNew(1_000, 100);
    const byId = new Map(events.map((e) => [e.id, e.fingerprints]));
    assert.deepEqual(byId.get(eventId), [fingerprint({ alertname: 'Regrouped' })]);
    assert.deepEqual(events[events.length - 1].fingerprints, ['aaaa', 'bbbb']);
  });

  test('deleteResolved goes through a hash larger than one scan batch', async () => {
    const repo = new AlertRepository(clients[2]);
    const now = Date.now();
    const batch = Array.from({ length: 1_500 }, (_, i) =>
      alert({ alertname: 'Many', n: String(i) }, now - 60_000, i % 2 === 0 ? now - 1_000 : now + 60_000, now),
    );
    for (let i = 0; i < batch.length; i += 250) await repo.ingest(batch.slice(i, i + 250), now);
    const deleted = await repo.deleteResolved(now);
    assert.ok(deleted >= 750, `deleted ${deleted}`);
    const left = await clients[2].hmget('klaxon:alerts', ...batch.map((a) => a.fingerprint));
    assert.deepEqual(
      left.map((text) => text !== null),
      batch.map((_, i) => i % 2 === 1),
      'every resolved alert is gone and every firing one is kept',
    );
  });

  test('deleteResolved removes only alerts resolved at the given time', async () => {
    const repo = new AlertRepository(clients[1]);
    const now = Date.now();
    await repo.ingest([alert({ alertname: 'Old' }, now - 10_000, now - 1_000, now), alert({ alertname: 'Young' }, now, now + 10_000, now)], now);
    const deleted = await repo.deleteResolved(now);
    assert.ok(deleted >= 1);
    assert.equal(await repo.get(fingerprint({ alertname: 'Old' })), undefined);
    assert.ok(await repo.get(fingerprint({ alertname: 'Young' })));
  });

  test('SilenceRepository: a reader refreshes its cached list only when klaxon:silences:version moves', async () => {
    const writer = new SilenceRepository(clients[2]);
    const reader = new SilenceRepository(clients[3]);
    const first = await reader.snapshot();
    const again = await reader.snapshot();
    assert.equal(again, first, 'same version: the cached snapshot is reused');
    const now = Date.now();
    await writer.save([{ id: 's1', matchers: [], startsAt: now, endsAt: now + 1_000, updatedAt: now, createdBy: 'a', comment: 'b' }], {
      creates: true,
      maxSilences: 0,
    });
    const fresh = await reader.snapshot();
    assert.notEqual(fresh.version, first.version);
    assert.deepEqual(fresh.silences.map((s) => s.id), ['s1']);
  });

  test('AlertMirror follows klaxon:alert-events, reloads when its last entry was trimmed, drops resolved alerts', async () => {
    await clients[0].del('klaxon:alerts', 'klaxon:alert-events');
    const repo = new AlertRepository(clients[0]);
    const mirror = new AlertMirror(clients[1]);
    const now = Date.now();
    const names = async (at = Date.now()) => [...(await mirror.current(at)).values()].map((a) => a.labels.alertname).sort();
    await repo.ingest([alert({ alertname: 'First' }, now, now + 60_000, now)], now);
    assert.deepEqual(await names(), ['First']);
    await repo.ingest([alert({ alertname: 'Second' }, now, now + 60_000, now)], now);
    assert.deepEqual(await names(), ['First', 'Second'], 'incremental: the new entry names the new fingerprint');

    await repo.ingest([alert({ alertname: 'Third' }, now, now + 60_000, now)], now);
    await clients[0].xtrim('klaxon:alert-events', 'MAXLEN', 0);
    await repo.ingest([alert({ alertname: 'Fourth' }, now, now + 60_000, now)], now);
    assert.deepEqual(await names(), ['First', 'Fourth', 'Second', 'Third'], 'the trimmed entry for Third forced a full reload');

    await repo.ingest([alert({ alertname: 'Second' }, now - 10_000, now - 1, now + 1)], now + 1);
    assert.deepEqual(await names(now + 2_000), ['First', 'Fourth', 'Third'], 'resolved at the query time: left out');
  });

  test('AlertMirror loaded on an empty stream: follows new entries, and reloads if the stream lost entries meanwhile', async () => {
    await clients[0].del('klaxon:alerts', 'klaxon:alert-events');
    const repo = new AlertRepository(clients[0]);
    const mirror = new AlertMirror(clients[1]);
    const now = Date.now();
    const names = async () => [...(await mirror.current(Date.now())).values()].map((a) => a.labels.alertname).sort();
    assert.deepEqual(await names(), []);
    await repo.ingest([alert({ alertname: 'A' }, now, now + 60_000, now)], now);
    assert.deepEqual(await names(), ['A']);

    const other = new AlertMirror(clients[2]);
    await clients[0].del('klaxon:alerts', 'klaxon:alert-events');
    assert.deepEqual([...(await other.current(Date.now())).keys()], []);
    await repo.ingest([alert({ alertname: 'B' }, now, now + 60_000, now)], now);
    await repo.ingest([alert({ alertname: 'C' }, now, now + 60_000, now)], now);
    await clients[0].xtrim('klaxon:alert-events', 'MAXLEN', 1);
    const seen = [...(await other.current(Date.now())).values()].map((a) => a.labels.alertname).sort();
    assert.deepEqual(seen, ['B', 'C'], 'the entry for B was trimmed before it was read: full reload');
  });

  test('AlertMirror.applyLocal: a batch this process stored is taken as given and its stream entry skipped', async () => {
    await clients[0].del('klaxon:alerts', 'klaxon:alert-events');
    const repo = new AlertRepository(clients[0]);
    const mirror = new AlertMirror(clients[1]);
    await mirror.current(Date.now());
    const now = Date.now();
    const stored = await repo.ingest([alert({ alertname: 'Local' }, now, now + 60_000, now)], now);
    const local = { ...stored.alerts[0], annotations: { copy: 'in-process' } };
    mirror.applyLocal(stored.eventId, [local]);
    const [seen] = [...(await mirror.current(Date.now())).values()];
    assert.deepEqual(seen.annotations, { copy: 'in-process' }, 'not re-read from Redis');
    await repo.ingest([alert({ alertname: 'Local' }, now, now + 60_000, now + 5)], now + 5);
    const [after] = [...(await mirror.current(Date.now())).values()];
    assert.deepEqual(after.annotations, { at: String(now + 5) }, 'a batch stored elsewhere is re-read');
  });
});
