import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KlaxonProcess, REPO_ROOT } from '../support/klaxon-process';
import { parseFlags } from '../../apps/klaxon/src/cli/parse-flags';
import { buildOptions } from '../../apps/klaxon/src/cli/klaxon-options';

// No Docker engine runs here: these tests keep docker-compose.yml, the Dockerfile and the README
// consistent with each other and with Klaxon's command line.
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

test('Redis never evicts and keeps an append-only file', () => {
  const command: string[] = compose.services.redis.command;
  assert.deepEqual(command.slice(command.indexOf('--maxmemory-policy'), command.indexOf('--maxmemory-policy') + 2), ['--maxmemory-policy', 'noeviction']);
  assert.deepEqual(command.slice(command.indexOf('--appendonly'), command.indexOf('--appendonly') + 2), ['--appendonly', 'yes']);
  assert.ok(compose.services.redis.healthcheck);
});

test('API and worker processes run with flags Klaxon accepts, on the shared Redis, with health checks', () => {
  const roles = new Set<string>();
  for (const name of ['klaxon-api', 'klaxon-worker']) {
    const service = compose.services[name];
    assert.ok(service, name);
    const options = buildOptions(parseFlags(service.command), {});
    assert.equal(options.redisUrl, 'redis://redis:6379');
    for (const r of options.roles) roles.add(r);
    assert.equal(options.roles.size, 1, `${name} runs one role`);
    assert.match(service.healthcheck.test.join(' '), /\/-\/ready/);
    assert.equal(service.depends_on.redis.condition, 'service_healthy');
    assert.equal(service.build, '.');
    const mount = service.volumes.find((v: string) => v.startsWith('./config:'));
    const configFile = options.configFile;
    assert.ok(mount && configFile.startsWith(mount.split(':')[1]), `${name} reads its config from the mounted folder`);
  }
  assert.deepEqual([...roles].sort(), ['api', 'worker']);
  assert.ok(compose.services.mailcatcher, 'a mail catcher for email receivers');
});

test('the Dockerfile builds with the repository scripts and runs the launcher with redis-server available', () => {
  assert.match(dockerfile, /RUN sh scripts\/build\.sh/);
  assert.match(dockerfile, /ENTRYPOINT \["bin\/klaxon"\]/);
  assert.match(dockerfile, /apt-get install[^\n]*redis-server/);
  const copied = [...dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)].map((m) => m[1]);
  for (const path of ['apps', 'libs', 'scripts', 'config', 'bin']) assert.ok(copied.includes(path), `the image gets ${path}/`);
});

test('the README starts with the start and test commands, and they exist in package.json', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1];
  assert.match(firstBlock.split('\n')[0], /^npm install && npm start\b/);
  assert.match(firstBlock.split('\n')[1], /^npm test\b/);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.ok(pkg.scripts.start.includes('config/alertmanager.yml'));
  assert.match(pkg.scripts.start, /\bbin\/klaxon /, 'npm start runs the launcher');
  assert.ok(pkg.scripts.test);
  assert.match(readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8'), /\nnpm test\n/);
});

test('the launcher runs Klaxon with a Go-like garbage collection policy and no memory reducer', async () => {
  const klaxon = await KlaxonProcess.start({ config: 'route:\n  receiver: x\nreceivers:\n- name: x\n', logLevel: 'info' });
  try {
    const argv = readFileSync(`/proc/${klaxon.pid}/cmdline`, 'utf8').split('\0');
    assert.ok(argv.includes('--heap-growing-percent=100'), argv.join(' '));
    assert.ok(argv.includes('--no-memory-reducer'), argv.join(' '));
  } finally {
    await klaxon.cleanup();
  }
});
