import assert from 'node:assert/strict';
import { Agent } from 'node:https';
import { describe, it } from 'node:test';
import type { HttpConfig } from '../../../config/src';
import { httpRequestOptions } from './http-request-options';

const base: HttpConfig = { followRedirects: true, enableHttp2: true, proxyFromEnvironment: false };

describe('httpRequestOptions', () => {
  it('builds the Authorization header from basic_auth, authorization or bearer_token', () => {
    assert.equal(httpRequestOptions({ ...base, basicAuth: { username: 'u', password: 'p' } }).headers!.Authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.equal(httpRequestOptions({ ...base, authorization: { type: 'Token', credentials: 'c' } }).headers!.Authorization, 'Token c');
    assert.equal(httpRequestOptions({ ...base, authorization: { type: '', credentials: 'c' } }).headers!.Authorization, 'Bearer c');
    assert.equal(httpRequestOptions({ ...base, bearerToken: 't' }).headers!.Authorization, 'Bearer t');
    assert.equal(httpRequestOptions(base).headers!.Authorization, undefined);
  });

  it('adds http_headers values and secrets', () => {
    const options = httpRequestOptions({ ...base, httpHeaders: { 'X-Team': { values: ['a', 'b'], secrets: ['s'], files: [] } } });
    assert.equal(options.headers!['X-Team'], 'a, b, s');
  });

  it('follows redirects only when configured, and uses no proxy unless one is set', () => {
    assert.equal(httpRequestOptions(base).maxRedirects, 10);
    assert.equal(httpRequestOptions({ ...base, followRedirects: false }).maxRedirects, 0);
    assert.equal(httpRequestOptions(base).proxy, false);
    assert.deepEqual(httpRequestOptions({ ...base, proxyUrl: 'http://user:pw@proxy:3128' }).proxy, {
      protocol: 'http',
      host: 'proxy',
      port: 3128,
      auth: { username: 'user', password: 'pw' },
    });
  });

  it('makes one TLS agent per tls_config, honouring insecure_skip_verify and server_name', () => {
    const tlsConfig = { insecureSkipVerify: true, serverName: 'example' };
    const first = httpRequestOptions({ ...base, tlsConfig }).httpsAgent as Agent;
    assert.equal(first, httpRequestOptions({ ...base, tlsConfig }).httpsAgent);
    assert.equal(first.options.rejectUnauthorized, false);
    assert.equal(first.options.servername, 'example');
    const plain = httpRequestOptions(base).httpsAgent as Agent;
    assert.equal(plain.options.rejectUnauthorized, true);
    assert.equal(plain, httpRequestOptions(base).httpsAgent);
  });
});
