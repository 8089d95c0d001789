// The global section back to YAML, every default shown, secrets redacted.
import { formatDuration } from '../../../core/src';
import type { GlobalConfig } from '../types';
import { httpConfigToObject, tlsConfigToObject } from './write-http-config';
import { omitEmpty, secretPair, SECRET, YamlObject } from './yaml-object';

/** Defaults Alertmanager prints for integrations Klaxon does not deliver. */
const OTHER_DEFAULTS: Record<string, string> = {
  wechat_api_url: 'https://qyapi.weixin.qq.com/cgi-bin/',
  victorops_api_url: 'https://alert.victorops.com/integrations/generic/20131114/alert/',
  telegram_api_url: 'https://api.telegram.org',
  webex_api_url: 'https://webexapis.com/v1/messages',
};

/** Keys of other integrations whose values are secrets. */
const OTHER_SECRETS = new Set([
  'slack_api_url', 'slack_app_token', 'victorops_api_key', 'wechat_api_secret', 'telegram_bot_token',
  'rocketchat_token_id', 'rocketchat_token', 'mattermost_webhook_url',
]);

export function globalToObject(g: GlobalConfig): YamlObject {
  const other: YamlObject = {};
  for (const [key, value] of Object.entries({ ...OTHER_DEFAULTS, ...g.otherKeys })) {
    if (value === undefined || value === '') continue;
    const fileTwin = `${key}_file`;
    if (OTHER_SECRETS.has(key) && g.otherKeys[fileTwin] === undefined) other[key] = SECRET;
    else if (!OTHER_SECRETS.has(key)) other[key] = value;
  }
  return omitEmpty({
    resolve_timeout: formatDuration(g.resolveTimeout),
    http_config: httpConfigToObject(g.httpConfig),
    smtp_from: g.smtpFrom,
    smtp_hello: g.smtpHello,
    smtp_smarthost: g.smtpSmarthost,
    smtp_auth_username: g.smtpAuthUsername,
    ...secretPair('smtp_auth_password', g.smtpAuthPassword, g.smtpAuthPasswordFile),
    ...secretPair('smtp_auth_secret', g.smtpAuthSecret, g.smtpAuthSecretFile),
    smtp_auth_identity: g.smtpAuthIdentity,
    smtp_require_tls: g.smtpRequireTls,
    smtp_tls_config: tlsConfigToObject(g.smtpTlsConfig),
    smtp_force_implicit_tls: g.smtpForceImplicitTls,
    pagerduty_url: g.pagerdutyUrl,
    opsgenie_api_url: g.opsgenieApiUrl,
    ...secretPair('opsgenie_api_key', g.opsgenieApiKey, g.opsgenieApiKeyFile),
    ...other,
  });
}
