import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';

/**
 * The Prometheus web configuration file (`--web.config.file`), the same file Alertmanager and
 * Prometheus read: TLS for the server, basic auth users with bcrypt hashes, response headers.
 */
export type ClientAuthType = 'NoClientCert' | 'RequestClientCert' | 'RequireAnyClientCert' | 'VerifyClientCertIfGiven' | 'RequireAndVerifyClientCert';

export interface WebConfig {
  tls?: {
    cert: Buffer;
    key: Buffer;
    clientCa?: Buffer;
    clientAuthType: ClientAuthType;
    minVersion: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
    maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  };
  /** user name → bcrypt hash */
  basicAuthUsers: Map<string, string>;
  headers: Record<string, string>;
  http2: boolean;
}

export class WebConfigError extends Error {}

const CLIENT_AUTH_TYPES: readonly ClientAuthType[] = ['NoClientCert', 'RequestClientCert', 'RequireAnyClientCert', 'VerifyClientCertIfGiven', 'RequireAndVerifyClientCert'];
const TLS_VERSIONS = { TLS10: 'TLSv1', TLS11: 'TLSv1.1', TLS12: 'TLSv1.2', TLS13: 'TLSv1.3' } as const;
/** The response headers the format allows (exporter-toolkit). */
const ALLOWED_HEADERS = ['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'X-XSS-Protection', 'Content-Security-Policy'];
const TLS_KEYS = ['cert_file', 'key_file', 'client_auth_type', 'client_ca_file', 'client_allowed_sans', 'min_version', 'max_version', 'cipher_suites', 'prefer_server_cipher_suites', 'curve_preferences'];

export function loadWebConfig(path: string): WebConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new WebConfigError(`web config file ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return parseWebConfig(text, dirname(path));
}

export function parseWebConfig(text: string, baseDir: string): WebConfig {
  let doc: unknown;
  try {
    doc = parse(text) ?? {};
  } catch (err) {
    throw new WebConfigError(`web config: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const root = asObject(doc, 'web config');
  rejectUnknown(root, ['tls_server_config', 'http_server_config', 'basic_auth_users'], 'web config');
  const config: WebConfig = { basicAuthUsers: new Map(), headers: {}, http2: true };

  if (root.basic_auth_users !== undefined && root.basic_auth_users !== null) {
    const users = asObject(root.basic_auth_users, 'basic_auth_users');
    for (const [user, hash] of Object.entries(users)) {
      if (typeof hash !== 'string' || !/^\$2[abxy]?\$\d\d\$/.test(hash)) {
        throw new WebConfigError(`basic_auth_users.${user}: not a bcrypt hash`);
      }
      config.basicAuthUsers.set(user, hash);
    }
  }

  if (root.http_server_config !== undefined && root.http_server_config !== null) {
    const http = asObject(root.http_server_config, 'http_server_config');
    rejectUnknown(http, ['http2', 'headers'], 'http_server_config');
    if (http.http2 !== undefined) config.http2 = http.http2 === true;
    if (http.headers !== undefined) {
      for (const [name, value] of Object.entries(asObject(http.headers, 'http_server_config.headers'))) {
        const allowed = ALLOWED_HEADERS.find((h) => h.toLowerCase() === name.toLowerCase());
        if (!allowed) throw new WebConfigError(`http_server_config.headers: HTTP header ${JSON.stringify(name)} can not be configured`);
        config.headers[allowed] = String(value);
      }
    }
  }

  if (root.tls_server_config !== undefined && root.tls_server_config !== null) {
    const tls = asObject(root.tls_server_config, 'tls_server_config');
    rejectUnknown(tls, TLS_KEYS, 'tls_server_config');
    const file = (key: string) => {
      const value = tls[key];
      if (value === undefined || value === '') return undefined;
      const path = isAbsolute(String(value)) ? String(value) : join(baseDir, String(value));
      try {
        return readFileSync(path);
      } catch {
        throw new WebConfigError(`tls_server_config.${key}: cannot read ${path}`);
      }
    };
    const cert = file('cert_file');
    const key = file('key_file');
    if (!cert) throw new WebConfigError('tls_server_config.cert_file: missing cert_file');
    if (!key) throw new WebConfigError('tls_server_config.key_file: missing key_file');
    const clientAuthType = (tls.client_auth_type ?? 'NoClientCert') as ClientAuthType;
    if (!CLIENT_AUTH_TYPES.includes(clientAuthType)) {
      throw new WebConfigError(`tls_server_config.client_auth_type: invalid ClientAuth ${JSON.stringify(tls.client_auth_type)}`);
    }
    const clientCa = file('client_ca_file');
    if ((clientAuthType === 'VerifyClientCertIfGiven' || clientAuthType === 'RequireAndVerifyClientCert') && !clientCa) {
      throw new WebConfigError(`tls_server_config.client_ca_file: client_ca_file is required for client_auth_type ${clientAuthType}`);
    }
    const version = (key: string, fallback?: keyof typeof TLS_VERSIONS) => {
      const value = (tls[key] ?? fallback) as string | undefined;
      if (value === undefined) return undefined;
      if (!(value in TLS_VERSIONS)) throw new WebConfigError(`tls_server_config.${key}: unknown TLS version: ${value}`);
      return TLS_VERSIONS[value as keyof typeof TLS_VERSIONS];
    };
    config.tls = { cert, key, clientCa, clientAuthType, minVersion: version('min_version', 'TLS12')!, maxVersion: version('max_version') };
  }
  return config;
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WebConfigError(`${where}: expected a mapping`);
  return value as Record<string, unknown>;
}

function rejectUnknown(obj: Record<string, unknown>, known: string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) throw new WebConfigError(`${where}: field ${key} not found`);
  }
}
