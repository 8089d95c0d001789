// The `global` section, with every default of Alertmanager's DefaultGlobalConfig.
import type { GlobalConfig } from '../types';
import type { YamlValue } from '../yaml/yaml-value';
import { hostPortError, httpUrlError, readDuration } from './field-parsers';
import { defaultHttpConfig, loadHttpConfig, loadTlsConfig } from './load-http-config';
import { LoadContext, readSecretPair } from './load-context';

export const DEFAULT_PAGERDUTY_URL = 'https://events.pagerduty.com/v2/enqueue';
export const DEFAULT_OPSGENIE_API_URL = 'https://api.opsgenie.com/';

const OWN_KEYS = [
  'resolve_timeout', 'http_config', 'smtp_from', 'smtp_hello', 'smtp_smarthost', 'smtp_auth_username',
  'smtp_auth_password', 'smtp_auth_password_file', 'smtp_auth_secret', 'smtp_auth_secret_file',
  'smtp_auth_identity', 'smtp_require_tls', 'smtp_tls_config', 'smtp_force_implicit_tls', 'pagerduty_url',
  'opsgenie_api_url', 'opsgenie_api_key', 'opsgenie_api_key_file',
];

/** Global keys of integrations Klaxon does not deliver: accepted and kept as written. */
export const OTHER_GLOBAL_KEYS = [
  'slack_api_url', 'slack_api_url_file', 'slack_app_token', 'slack_app_token_file', 'slack_app_url',
  'victorops_api_url', 'victorops_api_key', 'victorops_api_key_file', 'wechat_api_url', 'wechat_api_secret',
  'wechat_api_secret_file', 'wechat_api_corp_id', 'telegram_api_url', 'telegram_bot_token', 'telegram_bot_token_file',
  'webex_api_url', 'rocketchat_api_url', 'rocketchat_token_id', 'rocketchat_token_id_file', 'rocketchat_token',
  'rocketchat_token_file', 'jira_api_url', 'mattermost_webhook_url', 'mattermost_webhook_url_file',
];

export function defaultGlobalConfig(): GlobalConfig {
  return {
    resolveTimeout: 5 * 60_000,
    httpConfig: defaultHttpConfig(),
    smtpHello: 'localhost',
    smtpRequireTls: true,
    pagerdutyUrl: DEFAULT_PAGERDUTY_URL,
    opsgenieApiUrl: DEFAULT_OPSGENIE_API_URL,
    otherKeys: {},
  };
}

export function loadGlobal(ctx: LoadContext, v: YamlValue): GlobalConfig {
  const g = defaultGlobalConfig();
  const s = v.asStruct('config.plain', [...OWN_KEYS, ...OTHER_GLOBAL_KEYS]);
  if (!s) return g;
  const resolveTimeout = readDuration(s.get('resolve_timeout'));
  if (resolveTimeout !== undefined) g.resolveTimeout = resolveTimeout;
  g.httpConfig = loadHttpConfig(ctx, s.get('http_config')) ?? g.httpConfig;
  g.smtpFrom = s.get('smtp_from').asString() || undefined;
  g.smtpHello = s.get('smtp_hello').asString() || g.smtpHello;
  const smarthost = s.get('smtp_smarthost').asString();
  if (smarthost) {
    const err = hostPortError(smarthost);
    if (err) s.get('smtp_smarthost').error(err);
    g.smtpSmarthost = smarthost;
  }
  g.smtpAuthUsername = s.get('smtp_auth_username').asString() || undefined;
  const password = readSecretPair(ctx, s, 'smtp_auth_password');
  g.smtpAuthPassword = password.value;
  g.smtpAuthPasswordFile = password.file;
  const secret = readSecretPair(ctx, s, 'smtp_auth_secret');
  g.smtpAuthSecret = secret.value;
  g.smtpAuthSecretFile = secret.file;
  g.smtpAuthIdentity = s.get('smtp_auth_identity').asString() || undefined;
  g.smtpRequireTls = s.get('smtp_require_tls').asBool() ?? true;
  g.smtpTlsConfig = loadTlsConfig(ctx, s.get('smtp_tls_config'));
  g.smtpForceImplicitTls = s.get('smtp_force_implicit_tls').asBool();
  for (const [key, field] of [['pagerduty_url', 'pagerdutyUrl'], ['opsgenie_api_url', 'opsgenieApiUrl']] as const) {
    const url = s.get(key).asString();
    if (url === undefined) continue;
    const err = httpUrlError(url);
    if (err) s.get(key).error(err);
    else g[field] = url;
  }
  const apiKey = readSecretPair(ctx, s, 'opsgenie_api_key');
  g.opsgenieApiKey = apiKey.value;
  g.opsgenieApiKeyFile = apiKey.file;
  for (const key of OTHER_GLOBAL_KEYS) {
    if (s.has(key)) g.otherKeys[key] = s.get(key).asString();
    if (s.has(key) && s.has(`${key}_file`)) s.error(`at most one of ${key} & ${key}_file must be configured`);
  }
  return g;
}
