// prometheus/common HTTPClientConfig as plain data. Secrets read from *_file are in the plain field too;
// the *File field keeps the resolved path.
export interface TlsConfig {
  caFile?: string;
  ca?: string;
  certFile?: string;
  cert?: string;
  keyFile?: string;
  key?: string; // secret
  serverName?: string;
  insecureSkipVerify: boolean;
  minVersion?: string;
  maxVersion?: string;
}

export interface BasicAuth {
  username?: string;
  usernameFile?: string;
  password?: string;
  passwordFile?: string;
}

export interface Authorization {
  type: string; // default Bearer
  credentials?: string;
  credentialsFile?: string;
}

export interface OAuth2Config {
  clientId?: string;
  clientSecret?: string;
  clientSecretFile?: string;
  scopes: string[];
  tokenUrl?: string;
  endpointParams: Record<string, string>;
  tlsConfig?: TlsConfig;
  proxyUrl?: string;
  noProxy?: string;
  proxyFromEnvironment: boolean;
}

export interface HttpHeader {
  values: string[];
  secrets: string[];
  files: string[];
}

export interface HttpConfig {
  basicAuth?: BasicAuth;
  authorization?: Authorization;
  oauth2?: OAuth2Config;
  bearerToken?: string;
  bearerTokenFile?: string;
  tlsConfig?: TlsConfig;
  proxyUrl?: string;
  noProxy?: string;
  proxyFromEnvironment: boolean;
  proxyConnectHeader?: Record<string, string[]>;
  followRedirects: boolean;
  enableHttp2: boolean;
  httpHeaders?: Record<string, HttpHeader>;
}
