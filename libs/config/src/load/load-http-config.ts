// `http_config` (prometheus/common HTTPClientConfig) and `tls_config`, with their validation.
// The secret-manager references of newer prometheus/common (`*_ref`) are left out on purpose:
// Klaxon has no secret manager, so they are rejected as unknown fields instead of silently ignored.
import type { Authorization, BasicAuth, HttpConfig, HttpHeader, OAuth2Config, TlsConfig } from '../http-config.types';
import type { YamlValue } from '../yaml/yaml-value';
import { LoadContext, readSecretPair, resolvePath } from './load-context';

const TLS_KEYS = [
  'ca', 'ca_file', 'cert', 'cert_file', 'key', 'key_file',
  'server_name', 'insecure_skip_verify', 'min_version', 'max_version',
];
const PROXY_KEYS = ['proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header'];
const HTTP_KEYS = [
  'basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'tls_config',
  'follow_redirects', 'enable_http2', 'http_headers', ...PROXY_KEYS,
];
const TLS_VERSIONS = ['TLS10', 'TLS11', 'TLS12', 'TLS13'];
/** Headers prometheus/common refuses in `http_headers`. */
const RESERVED_HEADERS = [
  'authorization', 'host', 'content-encoding', 'content-length', 'content-type', 'user-agent', 'connection',
  'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'www-authenticate', 'accept-encoding',
  'x-prometheus-remote-write-version', 'x-prometheus-remote-read-version', 'x-prometheus-scrape-timeout-seconds',
  'te', 'trailer', 'transfer-encoding', 'upgrade',
];

export function defaultHttpConfig(): HttpConfig {
  return { followRedirects: true, enableHttp2: true, proxyFromEnvironment: false };
}

export function loadTlsConfig(ctx: LoadContext, v: YamlValue): TlsConfig | undefined {
  const s = v.asStruct('config.plain', TLS_KEYS);
  if (!s) return undefined;
  const out: TlsConfig = { insecureSkipVerify: s.get('insecure_skip_verify').asBool() ?? false };
  for (const [inline, file, field] of [['ca', 'ca_file', 'ca'], ['cert', 'cert_file', 'cert'], ['key', 'key_file', 'key']] as const) {
    const text = s.get(inline).asString();
    const path = s.get(file).asString();
    if (text && path) s.error(`at most one of ${inline} and ${file} must be configured`);
    if (text) out[field] = text;
    if (path) out[`${field}File`] = resolvePath(ctx, path);
  }
  const hasCert = out.cert !== undefined || out.certFile !== undefined;
  const hasKey = out.key !== undefined || out.keyFile !== undefined;
  if (hasCert && !hasKey) s.error('exactly one of key or key_file must be configured when a client certificate is configured');
  if (hasKey && !hasCert) s.error('exactly one of cert or cert_file must be configured when a client key is configured');
  const serverName = s.get('server_name').asString();
  if (serverName) out.serverName = serverName;
  for (const [key, field] of [['min_version', 'minVersion'], ['max_version', 'maxVersion']] as const) {
    const version = s.get(key).asString();
    if (version === undefined || version === '') continue;
    if (!TLS_VERSIONS.includes(version)) s.get(key).error(`unknown TLS version: ${version}`);
    else out[field] = version;
  }
  return out;
}

function loadBasicAuth(ctx: LoadContext, v: YamlValue): BasicAuth | undefined {
  const s = v.asStruct('config.plain', ['username', 'username_file', 'password', 'password_file']);
  if (!s) return undefined;
  const username = readSecretPair(ctx, s, 'username', 'username_file', 'at most one of basic_auth username & username_file must be configured');
  const password = readSecretPair(ctx, s, 'password', 'password_file', 'at most one of basic_auth password & password_file must be configured');
  return { username: username.value, usernameFile: username.file, password: password.value, passwordFile: password.file };
}

function loadAuthorization(ctx: LoadContext, v: YamlValue): Authorization | undefined {
  const s = v.asStruct('config.plain', ['type', 'credentials', 'credentials_file']);
  if (!s) return undefined;
  const type = (s.get('type').asString() ?? '').trim() || 'Bearer';
  if (type.toLowerCase() === 'basic') s.get('type').error('authorization type cannot be set to "basic", use "basic_auth" instead');
  const credentials = readSecretPair(ctx, s, 'credentials', 'credentials_file', 'at most one of authorization credentials & credentials_file must be configured');
  return { type, credentials: credentials.value, credentialsFile: credentials.file };
}

function loadOAuth2(ctx: LoadContext, v: YamlValue): OAuth2Config | undefined {
  const s = v.asStruct('config.plain', [
    'client_id', 'client_secret', 'client_secret_file', 'scopes', 'token_url',
    'endpoint_params', 'tls_config', ...PROXY_KEYS,
  ]);
  if (!s) return undefined;
  const clientId = s.get('client_id').asString();
  const tokenUrl = s.get('token_url').asString();
  if (!clientId) s.error('oauth2 client_id must be configured');
  if (!tokenUrl) s.error('oauth2 token_url must be configured');
  const secret = readSecretPair(ctx, s, 'client_secret', 'client_secret_file', 'at most one of oauth2 client_secret & client_secret_file must be configured');
  return {
    clientId,
    clientSecret: secret.value,
    clientSecretFile: secret.file,
    scopes: s.get('scopes').asStringList() ?? [],
    tokenUrl,
    endpointParams: s.get('endpoint_params').asStringMap() ?? {},
    tlsConfig: loadTlsConfig(ctx, s.get('tls_config')),
    proxyUrl: s.get('proxy_url').asString() || undefined,
    noProxy: s.get('no_proxy').asString() || undefined,
    proxyFromEnvironment: s.get('proxy_from_environment').asBool() ?? false,
  };
}

function loadHeaders(ctx: LoadContext, v: YamlValue): Record<string, HttpHeader> | undefined {
  if (v.isNull) return undefined;
  const out: Record<string, HttpHeader> = {};
  for (const [name, hv] of v.entries()) {
    const s = hv.asStruct('config.Header', ['values', 'secrets', 'files']);
    const files = (s?.get('files').asStringList() ?? []).map((f) => resolvePath(ctx, f));
    out[name] = { values: s?.get('values').asStringList() ?? [], secrets: s?.get('secrets').asStringList() ?? [], files };
    if (RESERVED_HEADERS.includes(name.toLowerCase())) hv.error(`setting header ${JSON.stringify(name)} is not allowed`);
  }
  return out;
}

export function loadHttpConfig(ctx: LoadContext, v: YamlValue): HttpConfig | undefined {
  const s = v.asStruct('config.plain', HTTP_KEYS);
  if (!s) return undefined;
  const out: HttpConfig = {
    ...defaultHttpConfig(),
    followRedirects: s.get('follow_redirects').asBool() ?? true,
    enableHttp2: s.get('enable_http2').asBool() ?? true,
    basicAuth: loadBasicAuth(ctx, s.get('basic_auth')),
    authorization: loadAuthorization(ctx, s.get('authorization')),
    oauth2: loadOAuth2(ctx, s.get('oauth2')),
    tlsConfig: loadTlsConfig(ctx, s.get('tls_config')),
    proxyUrl: s.get('proxy_url').asString() || undefined,
    noProxy: s.get('no_proxy').asString() || undefined,
    proxyFromEnvironment: s.get('proxy_from_environment').asBool() ?? false,
    httpHeaders: loadHeaders(ctx, s.get('http_headers')),
  };
  const connect = s.get('proxy_connect_header');
  if (!connect.isNull) {
    out.proxyConnectHeader = {};
    for (const [k, hv] of connect.entries()) out.proxyConnectHeader[k] = hv.asStringList() ?? [];
  }
  const bearer = readSecretPair(ctx, s, 'bearer_token');
  const hasBearer = bearer.value !== undefined || bearer.file !== undefined;
  if ((out.basicAuth || out.oauth2) && hasBearer) {
    s.error('at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured');
  } else if (out.authorization && hasBearer) {
    s.error('authorization is not compatible with bearer_token & bearer_token_file');
  } else if (out.authorization && (out.basicAuth || out.oauth2)) {
    s.error('at most one of basic_auth, oauth2 & authorization must be configured');
  } else if (out.oauth2 && out.basicAuth) {
    s.error('at most one of basic_auth, oauth2 & authorization must be configured');
  } else if (hasBearer) {
    out.authorization = { type: 'Bearer', credentials: bearer.value, credentialsFile: bearer.file };
  }
  validateProxy(s.get('proxy_url'), out);
  if (out.proxyUrl !== undefined) validateUrlSyntax(s.get('proxy_url'), out.proxyUrl);
  return out;
}

function validateProxy(at: YamlValue, c: HttpConfig): void {
  if (c.proxyFromEnvironment && c.proxyUrl) at.error('if proxy_from_environment is configured, proxy_url must not be configured');
  if (c.proxyFromEnvironment && c.noProxy) at.error('if proxy_from_environment is configured, no_proxy must not be configured');
  if (!c.proxyUrl && c.noProxy) at.error('if no_proxy is configured, proxy_url must also be configured');
  if (c.proxyConnectHeader && Object.keys(c.proxyConnectHeader).length > 0 && !c.proxyUrl && !c.proxyFromEnvironment) {
    at.error('if proxy_connect_header is configured, proxy_url or proxy_from_environment must also be configured');
  }
}

/** Go's url.Parse is lenient; report only what it rejects for sure. */
function validateUrlSyntax(at: YamlValue, url: string): void {
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[') && !host.includes(']')) at.error(`parse ${JSON.stringify(url)}: missing ']' in host`);
  else if (/[\x00-\x1f\x7f]/.test(url)) at.error(`parse ${JSON.stringify(url)}: net/url: invalid control character in URL`);
}
