import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate signed by a CA the server does not trust. */
  rogueCert: string;
  rogueKey: string;
}

/** A CA, a server certificate for localhost/127.0.0.1 and client certificates, made with openssl. */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-certs-'));
  const p = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Klaxon Test CA', '-keyout', p('ca.key'), '-out', p('ca.crt'));
  writeFileSync(p('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(p('client.ext'), 'extendedKeyUsage=clientAuth\n');
  const signed = (name: string, cn: string, ext: string, caCert = p('ca.crt'), caKey = p('ca.key')) => {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-keyout', p(`${name}.key`), '-out', p(`${name}.csr`));
    openssl('x509', '-req', '-in', p(`${name}.csr`), '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-days', '2', '-extfile', p(ext), '-out', p(`${name}.crt`));
  };
  signed('server', 'localhost', 'server.ext');
  signed('client', 'klaxon-client', 'client.ext');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Rogue CA', '-keyout', p('rogue-ca.key'), '-out', p('rogue-ca.crt'));
  signed('rogue', 'rogue-client', 'client.ext', p('rogue-ca.crt'), p('rogue-ca.key'));
  return {
    dir,
    caCert: p('ca.crt'),
    serverCert: p('server.crt'),
    serverKey: p('server.key'),
    clientCert: p('client.crt'),
    clientKey: p('client.key'),
    rogueCert: p('rogue.crt'),
    rogueKey: p('rogue.key'),
  };
}
