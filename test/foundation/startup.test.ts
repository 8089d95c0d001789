import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLAXON_BIN, KlaxonProcess, REPO_ROOT } from '../support/klaxon-process';
import { freePort } from '../support/free-port';

const CONFIG = `
route:
  receiver: blackhole
receivers:
  - name: blackhole
`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('Klaxon starts on its own Redis', () => {
  const started: KlaxonProcess[] = [];
  after(async () => {
    for (const k of started) await k.cleanup();
  });

  test('ready with an embedded Redis, and SIGTERM leaves no redis-server behind', async () => {
    const k = await KlaxonProcess.start({ config: CONFIG });
    started.push(k);
    assert.match(k.address, /^127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(k.address, /:0$/, 'the log shows the real bound port');

    const healthy = await fetch(`${k.baseUrl}/-/healthy`);
    assert.equal(healthy.status, 200);
    assert.equal(await healthy.text(), 'OK');
    const ready = await fetch(`${k.baseUrl}/-/ready`);
    assert.equal(ready.status, 200);
    const head = await fetch(`${k.baseUrl}/-/ready`, { method: 'HEAD' });
    assert.equal(head.status, 200);

    const pidFile = join(k.storagePath, 'redis', 'redis.pid');
    assert.ok(existsSync(pidFile), 'the embedded Redis keeps its pid file under --storage.path');
    const redisPid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(isAlive(redisPid));
    assert.ok(existsSync(join(k.storagePath, 'redis', 'appendonlydir')), 'append-only persistence is on');

    assert.equal(await k.stop('SIGTERM'), 0);
    assert.ok(await waitUntil(() => !isAlive(redisPid), 5000), 'redis-server is stopped with Klaxon');
  });

  test('SIGKILL of Klaxon still stops its Redis (watchdog)', async () => {
    const k = await KlaxonProcess.start({ config: CONFIG });
    started.push(k);
    const redisPid = Number(readFileSync(join(k.storagePath, 'redis', 'redis.pid'), 'utf8'));
    await k.stop('SIGKILL');
    assert.ok(await waitUntil(() => !isAlive(redisPid), 5000), 'redis-server is stopped after Klaxon was killed');
  });

  test('a restart on the same storage path keeps working', async () => {
    const first = await KlaxonProcess.start({ config: CONFIG });
    started.push(first);
    await first.stop('SIGKILL');
    const second = await KlaxonProcess.start({ config: CONFIG, storagePath: first.storagePath });
    started.push(second);
    assert.equal((await fetch(`${second.baseUrl}/-/ready`)).status, 200);
  });
});

describe('Klaxon refuses to start, clearly', () => {
  test('without redis-server on PATH it says how to install it or point at a Redis', () => {
    const bin = mkdtempSync(join(tmpdir(), 'klaxon-path-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-cfg-'));
    const cfg = join(dir, 'am.yml');
    require('node:fs').writeFileSync(cfg, CONFIG);
    // The built entry point directly: bin/klaxon itself needs a shell and find on the PATH.
    const entry = join(REPO_ROOT, 'dist/apps/klaxon/src/main.js');
    const r = spawnSync(process.execPath, [entry, `--config.file=${cfg}`, `--storage.path=${join(dir, 'data')}`, '--web.listen-address=127.0.0.1:0'], {
      env: { PATH: bin, HOME: dir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /redis-server was not found on PATH: install it .*--redis\.url/);
  });

  test('an unreachable Redis is an error after a bounded wait, not a hang', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-cfg-'));
    const cfg = join(dir, 'am.yml');
    require('node:fs').writeFileSync(cfg, CONFIG);
    const started = Date.now();
    const r = spawnSync(KLAXON_BIN, [`--config.file=${cfg}`, `--redis.url=redis://127.0.0.1:${port}`, '--web.listen-address=127.0.0.1:0'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`cannot reach Redis at redis://127\\.0\\.0\\.1:${port}`));
    assert.ok(Date.now() - started < 30_000);
  });

  test('an unknown flag exits 2 with one line naming it', () => {
    const r = spawnSync(KLAXON_BIN, ['--no.such.flag=1'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "klaxon: error: unknown long flag '--no.such.flag', try --help\n");
  });

  test('a bad flag value exits 2 naming the flag', () => {
    const r = spawnSync(KLAXON_BIN, ['--log.format=xml'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--log\.format/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  test('--help and --version', () => {
    const help = spawnSync(KLAXON_BIN, ['--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    for (const flag of ['--config.file', '--web.listen-address', '--storage.path', '--redis.url', '--roles', '--log.format']) {
      assert.ok(help.stdout.includes(flag), `help lists ${flag}`);
    }
    const version = spawnSync(KLAXON_BIN, ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^klaxon, version \d+\.\d+\.\d+/);
  });

  test('a config that does not load stops the start with exit 1 and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-cfg-'));
    const cfg = join(dir, 'am.yml');
    require('node:fs').writeFileSync(cfg, 'route:\n  receiver: nowhere\nreceivers:\n  - name: x\n');
    const r = spawnSync(KLAXON_BIN, [`--config.file=${cfg}`, '--web.listen-address=127.0.0.1:0', `--storage.path=${join(dir, 'd')}`], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /route\.receiver: undefined receiver \\"nowhere\\" used in route/);
  });
});

describe('an external Redis', () => {
  test('a Redis that may evict keys gets a warning at start, and Klaxon still runs on it', async () => {
    const { TestRedisServer } = await import('../support/redis-server');
    const redis = await TestRedisServer.start({ maxmemoryPolicy: 'allkeys-lru' });
    const k = await KlaxonProcess.start({ config: CONFIG, redisUrl: redis.url });
    try {
      assert.match(k.logs, /level=warn component=redis msg="Redis maxmemory-policy should be noeviction[^"]*" policy=allkeys-lru/);
      assert.equal((await fetch(`${k.baseUrl}/-/ready`)).status, 200);
      assert.ok(!existsSync(join(k.storagePath, 'redis')), 'no embedded Redis is started when a URL is given');
    } finally {
      await k.cleanup();
      await redis.stop();
    }
  });
});
