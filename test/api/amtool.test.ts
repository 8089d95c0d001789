// The real amtool 0.25 against Klaxon. Where the output does not depend on timing, it is
// compared with what the same amtool prints against the real Alertmanager 0.25 on the same config.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KlaxonProcess } from '../support/klaxon-process';
import { TestRedisServer } from '../support/redis-server';
import { amtool } from './support/amtool';
import { AlertmanagerProcess } from '../support/alertmanager-process';
import { GettableSilence, request } from './support/api-client';
import { ROUTING_CONFIG } from './support/configs';

const UUID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The table rows of amtool's simple output, split on runs of 2+ spaces, without the header. */
function rows(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s{2,}/));
}

describe('amtool 0.25 against Klaxon', () => {
  let redisServer: TestRedisServer;
  let klaxon: KlaxonProcess;
  let am: AlertmanagerProcess;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-amtool-'));

  before(async () => {
    redisServer = await TestRedisServer.start();
    [klaxon, am] = await Promise.all([
      KlaxonProcess.start({ config: ROUTING_CONFIG, redisUrl: redisServer.url }),
      AlertmanagerProcess.start(ROUTING_CONFIG),
    ]);
    url = klaxon.baseUrl;
  });

  after(async () => {
    await klaxon?.cleanup();
    await am?.stop();
    await redisServer?.stop();
  });

  test('alert add, then alert query with the alertname heuristics (test1, alertname=test2, {alertname=test3})', async () => {
    for (const args of [['test1', 'severity=warning', '--annotation=summary=first one'], ['alertname=test2', 'severity=info'], ['alertname=test3', 'instance=i3']]) {
      const added = await amtool(url, ['alert', 'add', ...args]);
      assert.equal(added.code, 0, added.stderr);
    }
    const all = await amtool(url, ['alert', 'query']);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^Alertname\s+Starts At\s+Summary\s+State/);
    const table = rows(all.stdout).sort((x, y) => x[0].localeCompare(y[0]));
    assert.deepEqual(table.map((r) => [r[0], r.at(-1)]), [['test1', 'active'], ['test2', 'active'], ['test3', 'active']]);
    assert.equal(table[0][2], 'first one');
    assert.match(table[0][1], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    for (const [query, name] of [['test1', 'test1'], ['alertname=test2', 'test2'], ['alertname=~"test[3]"', 'test3']]) {
      const one = await amtool(url, ['alert', 'query', query]);
      assert.deepEqual(rows(one.stdout).map((r) => r[0]), [name], query);
    }
    // amtool 0.25 turns `{alertname=test3}` into the filter `alertname={alertname=test3}`: Alertmanager
    // 0.25 took that as a value (no match); the matcher parser of 0.27+ rejects it, and so does Klaxon.
    const braces = await amtool(url, ['alert', 'query', '{alertname=test3}']);
    assert.equal(braces.code, 1);
    assert.match(braces.stderr, /getAlertsBadRequest\s+unexpected open or close brace: alertname=\{alertname=test3\}/);
    const extended = await amtool(url, ['alert', 'query', '-o', 'extended', 'test3']);
    assert.match(extended.stdout, /alertname="test3" instance="i3"/);
  });

  test('alert query -a (active) / -s (silenced) / -i (inhibited): by default only active alerts', async () => {
    await amtool(url, ['alert', 'add', 'inhib', 'severity=critical']);
    await amtool(url, ['alert', 'add', 'inhib', 'severity=warning']);
    const silenced = await amtool(url, ['silence', 'add', 'alertname=test2', '-c', 'quiet please']);
    assert.equal(silenced.code, 0, silenced.stderr);
    const names = async (...flags: string[]) => rows((await amtool(url, ['alert', 'query', ...flags])).stdout).map((r) => `${r[0]}:${r.at(-1)}`).sort();
    assert.deepEqual(await names(), ['inhib:active', 'test1:active', 'test3:active']);
    assert.deepEqual(await names('-s'), ['test2:suppressed']);
    assert.deepEqual(await names('-i'), ['inhib:suppressed']);
    assert.deepEqual(await names('-a'), ['inhib:active', 'test1:active', 'test3:active']);
    assert.deepEqual(await names('-a', '-s', '-i'), ['inhib:active', 'inhib:suppressed', 'test1:active', 'test2:suppressed', 'test3:active']);
  });

  test('silence add / query / -q / update / expire / query --expired', async () => {
    const added = await amtool(url, ['silence', 'add', 'alertname=lifecycle', 'env=~"prod|stage"', '-c', 'maintenance', '-a', 'ops', '-d', '1h']);
    assert.equal(added.code, 0, added.stderr);
    const id = added.stdout.trim();
    assert.match(id, UUID_LINE);

    const listed = await amtool(url, ['silence', 'query', 'alertname=lifecycle']);
    assert.deepEqual(rows(listed.stdout).map((r) => [r[0], r[1], r[3], r[4]]), [[id, 'alertname="lifecycle" env=~"prod|stage"', 'ops', 'maintenance']]);
    const quiet = await amtool(url, ['silence', 'query', '-q']);
    assert.ok(quiet.stdout.trim().split('\n').includes(id));

    // (amtool 0.25 prints a pointer for `silence update -q`, so read the table.)
    const updated = await amtool(url, ['silence', 'update', id, '-d', '2h', '-c', 'longer']);
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(rows(updated.stdout)[0][0], id, 'same matchers and start: updated in place');
    const s = (await request(`${url}/api/v2/silence/${id}`)).json as GettableSilence;
    assert.equal(s.comment, 'longer');
    assert.ok(Date.parse(s.endsAt) - Date.parse(s.startsAt) > 1.9 * 3_600_000);

    const expired = await amtool(url, ['silence', 'expire', id]);
    assert.equal(expired.code, 0, expired.stderr);
    const active = await amtool(url, ['silence', 'query', '-q']);
    assert.ok(!active.stdout.split('\n').includes(id), 'gone from the active list');
    const expiredList = await amtool(url, ['silence', 'query', '--expired', '-q']);
    assert.ok(expiredList.stdout.split('\n').includes(id), 'listed with --expired');
  });

  test('silence import: re-import of an export keeps ids; invalid JSON; invalid silence; partial failure with an unknown id', async () => {
    const exported = await amtool(url, ['silence', 'query', '-o', 'json']);
    const exportedIds = (JSON.parse(exported.stdout) as GettableSilence[]).map((s) => s.id).sort();
    assert.ok(exportedIds.length > 0);
    const exportFile = join(dir, 'export.json');
    writeFileSync(exportFile, exported.stdout);
    const reimport = await amtool(url, ['silence', 'import', exportFile]);
    assert.equal(reimport.code, 0, reimport.stderr);
    assert.deepEqual(reimport.stdout.trim().split('\n').sort(), exportedIds, 'active, unchanged silences are updated in place');

    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, '{bad');
    const bad = await amtool(url, ['silence', 'import', badFile]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /couldn't unmarshal input data, is it JSON\?/);

    const future = { startsAt: '2099-01-01T00:00:00Z', endsAt: '2099-01-02T00:00:00Z', createdBy: 'x', comment: 'y' };
    const invalidFile = join(dir, 'invalid.json');
    writeFileSync(invalidFile, JSON.stringify([{ matchers: [{ name: 'a', value: '', isRegex: false }], ...future }]));
    const invalid = await amtool(url, ['silence', 'import', invalidFile]);
    assert.match(invalid.stderr, /postSilencesBadRequest\s+invalid silence: matcher set 0: at least one matcher must not match the empty string/);

    const partialFile = join(dir, 'partial.json');
    writeFileSync(
      partialFile,
      JSON.stringify([
        { id: 'aaaaaaaa-1234-1234-1234-123456789012', matchers: [{ name: 'imported', value: 'yes', isRegex: false }], ...future },
        { matchers: [{ name: 'a', value: '', isRegex: false }], ...future },
      ]),
    );
    const partial = await amtool(url, ['silence', 'import', partialFile]);
    assert.equal(partial.code, 1);
    assert.match(partial.stderr, /couldn't import 1 out of 2 silences/);
    const newId = partial.stdout.trim();
    assert.match(newId, UUID_LINE, 'the unknown id got 404, and amtool re-posted it without id');
    const created = (await request(`${url}/api/v2/silence/${newId}`)).json as GettableSilence;
    assert.deepEqual(created.matchers.map((m) => m.name), ['imported']);
  });

  test('config show, config routes show and config routes test print what they print against Alertmanager 0.25', async () => {
    const commands = [
      ['config', 'show'],
      ['config', 'routes', 'show'],
      ['config', 'routes', 'test', 'severity=critical', 'team=a', 'alertname=x'],
      ['config', 'routes', 'test', '--tree', 'severity=critical'],
      ['config', 'routes', 'test', '--verify.receivers=other', 'team=a'],
      ['config', 'routes', 'test', '{foo=bar}'],
    ];
    for (const args of commands) {
      const [fromKlaxon, fromAm] = await Promise.all([amtool(url, args), amtool(am.baseUrl, args)]);
      assert.equal(fromKlaxon.stdout, fromAm.stdout, args.join(' '));
      assert.equal(fromKlaxon.stderr, fromAm.stderr, args.join(' '));
      assert.equal(fromKlaxon.code, fromAm.code, args.join(' '));
    }
    const show = await amtool(url, ['config', 'show']);
    assert.match(show.stdout, /password: <secret>/);
  });

  test('cluster show: ready, with this node name', async () => {
    const shown = await amtool(url, ['cluster', 'show']);
    assert.equal(shown.code, 0, shown.stderr);
    const status = (await request(`${url}/api/v2/status`)).json as { cluster: { name: string } };
    assert.match(shown.stdout, /^Cluster Status:\s+ready\nNode Name:\s+(\S+)\n/);
    assert.equal(/Node Name:\s+(\S+)/.exec(shown.stdout)?.[1], status.cluster.name);
  });
});
