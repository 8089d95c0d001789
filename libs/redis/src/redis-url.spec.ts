import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactRedisUrl, redisOptionsFromUrl } from './redis-url';

test('redis:// with credentials and database', () => {
  const o = redisOptionsFromUrl('redis://user:p%40ss@10.0.0.5:6380/3');
  assert.equal(o.host, '10.0.0.5');
  assert.equal(o.port, 6380);
  assert.equal(o.username, 'user');
  assert.equal(o.password, 'p@ss');
  assert.equal(o.db, 3);
  assert.equal(o.tls, undefined);
});

test('rediss:// turns TLS on with the host as server name', () => {
  const o = redisOptionsFromUrl('rediss://cache.example:6379');
  assert.deepEqual(o.tls, { servername: 'cache.example' });
});

test('redis+sentinel:// lists sentinels and the master name', () => {
  const o = redisOptionsFromUrl('redis+sentinel://:pw@s1:26379,s2,s3:26380/mymaster/2');
  assert.deepEqual(o.sentinels, [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }, { host: 's3', port: 26380 }]);
  assert.equal(o.name, 'mymaster');
  assert.equal(o.password, 'pw');
  assert.equal(o.db, 2);
});

test('unix:// points at a socket', () => {
  assert.deepEqual(redisOptionsFromUrl('unix:///tmp/x/redis.sock'), { path: '/tmp/x/redis.sock' });
});

test('bad URLs are rejected with a reason and without echoing secrets', () => {
  assert.throws(() => redisOptionsFromUrl('http://u:topsecret@h'), (e: Error) => /unsupported scheme "http"/.test(e.message) && !e.message.includes('topsecret'));
  assert.throws(() => redisOptionsFromUrl('redis://h/abc'), /database "abc" is not a number/);
  assert.throws(() => redisOptionsFromUrl('::::'), /invalid Redis URL/);
});

test('redaction hides the password only', () => {
  assert.equal(redactRedisUrl('redis://user:pw@h:1/0'), 'redis://user:<secret>@h:1/0');
  assert.equal(redactRedisUrl('redis://h:1'), 'redis://h:1');
});
