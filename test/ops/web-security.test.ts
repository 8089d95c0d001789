import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { KlaxonProcess } from '../support/klaxon-process';
import { makeTestCertificates, TestCertificates } from '../support/test-certificates';
import { spawnSync } from 'node:child_process';

const CONFIG = 'route:\n  receiver: b\nreceivers:\n  - name: b\n';

interface Reply { status: number; body: string; headers: Record<string, unknown> }

function get(url: string, opts: { ca?: string; cert?: string; key?: string; auth?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ca: opts.ca ? readFileSync(opts.ca) : undefined,
        cert: opts.cert ? readFileSync(opts.cert) : undefined,
        key: opts.key ? readFileSync(opts.key) : undefined,
        headers: opts.auth ? { Authorization: `Basic ${Buffer.from(opts.auth).toString('base64')}` } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('--web.config.file: TLS, basic auth and headers', () => {
  let certs: TestCertificates;
  let klaxon: KlaxonProcess;
  before(async () => {
    certs = makeTestCertificates();
    const webConfig = join(certs.dir, 'web.yml');
    writeFileSync(
      webConfig,
      [
        'tls_server_config:',
        `  cert_file: server.crt`,
        `  key_file: server.key`,
        'basic_auth_users:',
        `  alice: ${hashSync('correct horse', 4)}`,
        'http_server_config:',
        '  headers:',
        '    X-Frame-Options: deny',
      ].join('\n'),
    );
    klaxon = await KlaxonProcess.start({ config: CONFIG, args: [`--web.config.file=${webConfig}`] });
  });
  after(async () => klaxon?.cleanup());

  const url = (path: string) => `https://${klaxon.address}${path}`;

  test('serves HTTPS with the configured certificate and headers to a user with the right password', async () => {
    const r = await get(url('/-/healthy'), { ca: certs.caCert, auth: 'alice:correct horse' });
    assert.equal(r.status, 200);
    assert.equal(r.body, 'OK');
    assert.equal(r.headers['x-frame-options'], 'deny');
  });

  test('a wrong password or none gets 401 with a Basic challenge', async () => {
    for (const auth of ['alice:wrong', 'bob:correct horse', undefined]) {
      const r = await get(url('/-/ready'), { ca: certs.caCert, auth });
      assert.equal(r.status, 401, `auth ${auth}`);
      assert.equal(r.headers['www-authenticate'], 'Basic');
    }
  });

  test('a client that does not trust the certificate cannot connect', async () => {
    await assert.rejects(get(url('/-/healthy'), { auth: 'alice:correct horse' }), /self-signed|unable to verify|certificate/i);
  });

  test('plain HTTP is not served', async () => {
    await assert.rejects(fetch(`http://${klaxon.address}/-/healthy`));
  });

  test('the real amtool connects with an http config file (CA and basic auth), and is refused without the password', () => {
    const withAuth = join(certs.dir, 'amtool-auth.yml');
    writeFileSync(withAuth, `basic_auth:\n  username: alice\n  password: correct horse\ntls_config:\n  ca_file: ${certs.caCert}\n`);
    const withoutAuth = join(certs.dir, 'amtool-noauth.yml');
    writeFileSync(withoutAuth, `tls_config:\n  ca_file: ${certs.caCert}\n`);
    const amtool = (httpConfig: string) =>
      spawnSync('amtool', ['--alertmanager.url', url('/'), '--http.config.file', httpConfig, 'silence', 'query'], { encoding: 'utf8', timeout: 20_000 });
    const ok = amtool(withAuth);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^ID\s+Matchers\s+Ends At\s+Created By\s+Comment/);
    const refused = amtool(withoutAuth);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /401|Unauthorized/i);
  });
});

describe('--web.config.file: client certificates', () => {
  let certs: TestCertificates;
  let klaxon: KlaxonProcess;
  before(async () => {
    certs = makeTestCertificates();
    const webConfig = join(certs.dir, 'web.yml');
    writeFileSync(webConfig, `tls_server_config:\n  cert_file: ${certs.serverCert}\n  key_file: ${certs.serverKey}\n  client_ca_file: ${certs.caCert}\n  client_auth_type: RequireAndVerifyClientCert\n  min_version: TLS12\n`);
    klaxon = await KlaxonProcess.start({ config: CONFIG, args: [`--web.config.file=${webConfig}`] });
  });
  after(async () => klaxon?.cleanup());

  test('a certificate from the client CA is accepted', async () => {
    const r = await get(`https://${klaxon.address}/-/healthy`, { ca: certs.caCert, cert: certs.clientCert, key: certs.clientKey });
    assert.equal(r.status, 200);
  });

  test('no certificate, or one from an unknown CA, is refused', async () => {
    await assert.rejects(get(`https://${klaxon.address}/-/healthy`, { ca: certs.caCert }));
    await assert.rejects(get(`https://${klaxon.address}/-/healthy`, { ca: certs.caCert, cert: certs.rogueCert, key: certs.rogueKey }));
  });
});

describe('--web.config.file: bad files stop the start with a reason', () => {
  test('an unknown key and a header that may not be set', async () => {
    const certs = makeTestCertificates();
    for (const [text, expected] of [
      ['tls_server_config:\n  cert_file: x\n  nope: 1\n', /tls_server_config: field nope not found/],
      ['http_server_config:\n  headers:\n    X-Custom: 1\n', /HTTP header \\?"X-Custom\\?" can not be configured/],
      ['basic_auth_users:\n  alice: plaintext\n', /basic_auth_users\.alice: not a bcrypt hash/],
    ] as const) {
      const file = join(certs.dir, 'bad.yml');
      writeFileSync(file, text);
      const k = new KlaxonProcess({ config: CONFIG, args: [`--web.config.file=${file}`] });
      await assert.rejects(k.start(15_000), expected);
      await k.cleanup();
    }
  });
});
