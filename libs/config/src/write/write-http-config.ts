// HttpConfig and TlsConfig back to prometheus/common's YAML keys, secrets redacted.
import type { HttpConfig, TlsConfig, OAuth2Config } from '../http-config.types';
import { omitEmpty, secretPair, SECRET, YamlObject } from './yaml-object';

export function tlsConfigToObject(t: TlsConfig | undefined): YamlObject | undefined {
  if (t === undefined) return undefined;
  return omitEmpty({
    ca: t.ca,
    ca_file: t.caFile,
    cert: t.cert,
    cert_file: t.certFile,
    ...(t.key !== undefined ? { key: SECRET } : {}),
    key_file: t.keyFile,
    server_name: t.serverName,
    insecure_skip_verify: t.insecureSkipVerify,
    min_version: t.minVersion,
    max_version: t.maxVersion,
  });
}

function oauth2ToObject(o: OAuth2Config | undefined): YamlObject | undefined {
  if (o === undefined) return undefined;
  return omitEmpty({
    client_id: o.clientId,
    ...secretPair('client_secret', o.clientSecret, o.clientSecretFile),
    scopes: o.scopes,
    token_url: o.tokenUrl,
    endpoint_params: o.endpointParams,
    tls_config: tlsConfigToObject(o.tlsConfig),
    proxy_url: o.proxyUrl,
    no_proxy: o.noProxy,
    proxy_from_environment: o.proxyFromEnvironment || undefined,
  });
}

export function httpConfigToObject(c: HttpConfig): YamlObject {
  const headers: YamlObject = {};
  for (const [name, h] of Object.entries(c.httpHeaders ?? {})) {
    headers[name] = omitEmpty({ values: h.values, secrets: h.secrets.map(() => SECRET), files: h.files });
  }
  return omitEmpty({
    basic_auth: c.basicAuth
      ? omitEmpty({
          ...(c.basicAuth.usernameFile !== undefined ? { username_file: c.basicAuth.usernameFile } : { username: c.basicAuth.username }),
          ...secretPair('password', c.basicAuth.password, c.basicAuth.passwordFile),
        })
      : undefined,
    authorization: c.authorization
      ? omitEmpty({ type: c.authorization.type, ...secretPair('credentials', c.authorization.credentials, c.authorization.credentialsFile) })
      : undefined,
    oauth2: oauth2ToObject(c.oauth2),
    tls_config: tlsConfigToObject(c.tlsConfig),
    follow_redirects: c.followRedirects,
    enable_http2: c.enableHttp2,
    proxy_url: c.proxyUrl,
    no_proxy: c.noProxy,
    proxy_from_environment: c.proxyFromEnvironment || undefined,
    proxy_connect_header: c.proxyConnectHeader,
    http_headers: headers,
  });
}
