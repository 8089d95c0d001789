// A CA and a server certificate for localhost/127.0.0.1 (plus a client certificate), made with openssl
// for one test file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  caFile: string;
  serverKey: string;
  serverCert: string;
  ca: string;
  clientCertFile: string;
  clientKeyFile: string;
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-smtp-tls-'));
  const p = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Klaxon Test CA', '-keyout', p('ca.key'), '-out', p('ca.crt'));
  for (const [name, subject, san] of [['server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], ['client', '/CN=klaxon-client', 'extendedKeyUsage=clientAuth']]) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', p(`${name}.key`), '-out', p(`${name}.csr`));
    execFileSync('sh', ['-c', `printf '%s\\n' '${san}' > ${p(`${name}.ext`)}`]);
    openssl('x509', '-req', '-in', p(`${name}.csr`), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', p(`${name}.ext`), '-out', p(`${name}.crt`));
  }
  return {
    dir,
    caFile: p('ca.crt'),
    ca: readFileSync(p('ca.crt'), 'utf8'),
    serverKey: readFileSync(p('server.key'), 'utf8'),
    serverCert: readFileSync(p('server.crt'), 'utf8'),
    clientCertFile: p('client.crt'),
    clientKeyFile: p('client.key'),
  };
}
