// http_config checks that amtool 0.25 cannot show (its prometheus/common predates no_proxy,
// proxy_from_environment and http_headers); wording from prometheus/common's HTTPClientConfig.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from './parse-config';
import { issuesOf } from '../testing/config-issues';

const withHttp = (http: string) => `route:\n  receiver: x\nreceivers:\n- name: x\n  webhook_configs:\n  - url: http://a/\n    http_config: ${http}\n`;
const messages = (http: string) => issuesOf(withHttp(http)).map((i) => i.message);

describe('http_config', () => {
  test('proxy settings that contradict each other', () => {
    assert.deepEqual(messages('{proxy_from_environment: true, proxy_url: "http://p/"}'), ['if proxy_from_environment is configured, proxy_url must not be configured']);
    assert.deepEqual(messages('{no_proxy: "a"}'), ['if no_proxy is configured, proxy_url must also be configured']);
    assert.deepEqual(messages('{proxy_connect_header: {X: [y]}}'), ['if proxy_connect_header is configured, proxy_url or proxy_from_environment must also be configured']);
    assert.deepEqual(messages('{proxy_url: "http://p/", no_proxy: "a,b"}'), []);
  });

  test('TLS: a client certificate needs its key and the other way round', () => {
    assert.deepEqual(messages('{tls_config: {cert_file: c.pem}}'), ['exactly one of key or key_file must be configured when a client certificate is configured']);
    assert.deepEqual(messages('{tls_config: {key_file: k.pem}}'), ['exactly one of cert or cert_file must be configured when a client key is configured']);
    assert.deepEqual(messages('{tls_config: {cert_file: c.pem, key_file: k.pem, min_version: TLS12}}'), []);
  });

  test('http_headers: values, secrets and files; reserved names refused', () => {
    const c = parseConfig(withHttp('{http_headers: {X-Team: {values: [a, b]}, X-Token: {secrets: [s]}, X-File: {files: [h.txt]}}}'), '/etc/am');
    assert.deepEqual(c.receivers[0].webhookConfigs[0].httpConfig.httpHeaders, {
      'X-Team': { values: ['a', 'b'], secrets: [], files: [] },
      'X-Token': { values: [], secrets: ['s'], files: [] },
      'X-File': { values: [], secrets: [], files: ['/etc/am/h.txt'] },
    });
    assert.deepEqual(messages('{http_headers: {User-Agent: {values: [x]}}}'), ['setting header "User-Agent" is not allowed']);
  });

  test('oauth2 keeps its own TLS and proxy settings', () => {
    const c = parseConfig(withHttp('{oauth2: {client_id: i, client_secret: s, token_url: "https://t/", scopes: [a], endpoint_params: {aud: x}, tls_config: {ca_file: ca.pem}}}'), '/etc/am');
    const o = c.receivers[0].webhookConfigs[0].httpConfig.oauth2!;
    assert.deepEqual([o.clientId, o.clientSecret, o.tokenUrl, o.scopes, o.endpointParams, o.tlsConfig?.caFile], ['i', 's', 'https://t/', ['a'], { aud: 'x' }, '/etc/am/ca.pem']);
  });
});
