import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFlags, UsageError } from './parse-flags';
import { buildOptions, parseListenAddress, resolveExternalUrl, routePrefixFrom } from './klaxon-options';

const options = (argv: string[], env: NodeJS.ProcessEnv = {}) => buildOptions(parseFlags(argv), env);

test('defaults are Alertmanager\'s', () => {
  const o = options([]);
  assert.equal(o.configFile, 'alertmanager.yml');
  assert.equal(o.storagePath, 'data/');
  assert.equal(o.dataRetentionMs, 120 * 3600_000);
  assert.equal(o.alertsGcIntervalMs, 30 * 60_000);
  assert.equal(o.listenHost, '');
  assert.equal(o.listenPort, 9093);
  assert.equal(o.routePrefix, '/');
  assert.equal(o.logLevel, 'info');
  assert.equal(o.logFormat, 'logfmt');
  assert.deepEqual([...o.roles].sort(), ['api', 'worker']);
  assert.equal(o.redisUrl, undefined);
});

test('--flag=value and --flag value both work', () => {
  const a = options(['--config.file=/etc/am.yml', '--web.listen-address', '127.0.0.1:0', '--data.retention=1h30m']);
  assert.equal(a.configFile, '/etc/am.yml');
  assert.equal(a.listenHost, '127.0.0.1');
  assert.equal(a.listenPort, 0);
  assert.equal(a.dataRetentionMs, 90 * 60_000);
});

test('cluster flags are accepted and reported as ignored', () => {
  const o = options(['--cluster.listen-address=', '--cluster.peer', 'a:9094', '--cluster.peer=b:9094', '--cluster.settle-timeout=0s']);
  assert.deepEqual([...o.ignoredFlags].sort(), ['cluster.listen-address', 'cluster.peer', 'cluster.settle-timeout']);
});

test('unknown flags and bad values name the flag', () => {
  assert.throws(() => parseFlags(['--nope']), (e) => e instanceof UsageError && e.message === "unknown long flag '--nope'");
  assert.throws(() => parseFlags(['--log.level=loud']), (e) => e instanceof UsageError && /--log.level/.test(e.message));
  assert.throws(() => parseFlags(['--web.listen-address']), /expected argument for flag '--web.listen-address'/);
  assert.throws(() => options(['--data.retention=xx']), /invalid duration "xx" for flag '--data.retention'/);
  assert.throws(() => options(['--web.get-concurrency=many']), /--web.get-concurrency/);
  assert.throws(() => options(['--web.listen-address=9093']), /missing port/);
  assert.throws(() => options(['--roles=cron']), /unknown role "cron" for flag '--roles'/);
});

test('REDIS_URL is used when --redis.url is absent; the flag wins', () => {
  assert.equal(options([], { REDIS_URL: 'redis://a:1' }).redisUrl, 'redis://a:1');
  assert.equal(options(['--redis.url=redis://b:2'], { REDIS_URL: 'redis://a:1' }).redisUrl, 'redis://b:2');
});

test('roles narrow what runs', () => {
  assert.deepEqual([...options(['--roles=api']).roles], ['api']);
  assert.deepEqual([...options(['--roles', 'worker']).roles], ['worker']);
  assert.deepEqual([...options(['--roles=all']).roles].sort(), ['api', 'worker']);
});

test('route prefix comes from the flag, else the external URL path, trimmed', () => {
  assert.equal(routePrefixFrom(undefined, undefined), '/');
  assert.equal(routePrefixFrom(undefined, 'http://am.example:9093/alertmanager/'), '/alertmanager');
  assert.equal(routePrefixFrom('foo/', 'http://am.example/bar'), '/foo');
  assert.equal(routePrefixFrom('/', 'http://am.example/bar'), '/');
});

test('listen addresses with IPv6 and empty hosts', () => {
  assert.deepEqual(parseListenAddress('[::1]:9093'), ['::1', 9093]);
  assert.deepEqual(parseListenAddress(':0'), ['', 0]);
});

test('external URL: the flag without trailing slash, else derived from hostname and bound port', () => {
  assert.equal(resolveExternalUrl('http://am.example:9093/', 'h', 1), 'http://am.example:9093');
  assert.equal(resolveExternalUrl('https://x/am/', 'h', 1), 'https://x/am');
  assert.equal(resolveExternalUrl(undefined, 'myhost', 40123), 'http://myhost:40123');
});
