// One `receivers` item: name, labels, the supported integrations (with global inheritance applied)
// and a rejection for each integration Klaxon does not deliver.
import type { GlobalConfig } from '../types';
import type { EmailConfig, OpsgenieConfig, PagerdutyConfig, ReceiverConfig } from '../receiver.types';
import type { YamlValue } from '../yaml/yaml-value';
import { loadEmailConfig, PartialEmailConfig } from './load-email-config';
import { loadOpsgenieConfig, PartialOpsgenieConfig } from './load-opsgenie-config';
import { loadPagerdutyConfig, PartialPagerdutyConfig } from './load-pagerduty-config';
import { loadWebhookConfig } from './load-webhook-config';
import type { LoadContext } from './load-context';
import { UNSUPPORTED_INTEGRATIONS, unsupportedIntegrationMessage } from './unsupported-integrations';

const SUPPORTED = ['email_configs', 'pagerduty_configs', 'opsgenie_configs', 'webhook_configs'];

export function loadReceiver(ctx: LoadContext, v: YamlValue, global: GlobalConfig): ReceiverConfig | undefined {
  const s = v.asStruct('config.plain', ['name', 'labels', ...SUPPORTED, ...UNSUPPORTED_INTEGRATIONS]);
  if (!s) return undefined;
  const name = s.get('name').asString() ?? '';
  if (name === '') s.error('missing name in receiver');
  const labels: Record<string, string> = { ...(s.get('labels').asStringMap() ?? {}) };
  if (labels.name !== undefined && labels.name !== name) {
    s.get('labels').error(`receiver label "name" must match receiver name ${JSON.stringify(name)}, got ${JSON.stringify(labels.name)}`);
  }
  labels.name = name;
  for (const key of UNSUPPORTED_INTEGRATIONS) {
    if (s.has(key)) s.get(key).error(unsupportedIntegrationMessage(name, key));
  }
  const receiver: ReceiverConfig = { name, labels, emailConfigs: [], pagerdutyConfigs: [], opsgenieConfigs: [], webhookConfigs: [] };
  for (const item of s.get('email_configs').asList('[]*config.EmailConfig')) {
    const c = loadEmailConfig(ctx, item);
    if (c) receiver.emailConfigs.push(inheritEmail(c, global, item));
  }
  for (const item of s.get('pagerduty_configs').asList('[]*config.PagerdutyConfig')) {
    const c = loadPagerdutyConfig(ctx, item);
    if (c) receiver.pagerdutyConfigs.push(inheritPagerduty(c, global));
  }
  for (const item of s.get('opsgenie_configs').asList('[]*config.OpsGenieConfig')) {
    const c = loadOpsgenieConfig(ctx, item);
    if (c) receiver.opsgenieConfigs.push(inheritOpsgenie(c, global, item));
  }
  for (const item of s.get('webhook_configs').asList('[]*config.WebhookConfig')) {
    const c = loadWebhookConfig(ctx, item);
    if (c) receiver.webhookConfigs.push({ ...c, httpConfig: c.httpConfig ?? global.httpConfig });
  }
  return receiver;
}

function inheritEmail(c: PartialEmailConfig, g: GlobalConfig, at: YamlValue): EmailConfig {
  const smarthost = c.smarthost ?? g.smtpSmarthost;
  if (smarthost === undefined) at.error('no global SMTP smarthost set');
  const from = c.from ?? g.smtpFrom;
  if (from === undefined) at.error('no global SMTP from set');
  const out: EmailConfig = {
    ...c,
    from: from ?? '',
    smarthost: smarthost ?? '',
    hello: c.hello ?? g.smtpHello,
    authUsername: c.authUsername ?? g.smtpAuthUsername,
    authIdentity: c.authIdentity ?? g.smtpAuthIdentity,
    requireTls: c.requireTls ?? g.smtpRequireTls,
    tlsConfig: c.tlsConfig ?? g.smtpTlsConfig,
    forceImplicitTls: c.forceImplicitTls ?? g.smtpForceImplicitTls,
    headers: { ...c.headers },
  };
  if (c.authPassword === undefined && c.authPasswordFile === undefined) {
    out.authPassword = g.smtpAuthPassword;
    out.authPasswordFile = g.smtpAuthPasswordFile;
  }
  if (c.authSecret === undefined && c.authSecretFile === undefined) {
    out.authSecret = g.smtpAuthSecret;
    out.authSecretFile = g.smtpAuthSecretFile;
  }
  if (out.headers.From === undefined) out.headers.From = out.from;
  if (out.headers.To === undefined) out.headers.To = out.to;
  return out;
}

function inheritPagerduty(c: PartialPagerdutyConfig, g: GlobalConfig): PagerdutyConfig {
  return { ...c, url: c.url ?? g.pagerdutyUrl, httpConfig: c.httpConfig ?? g.httpConfig };
}

function inheritOpsgenie(c: PartialOpsgenieConfig, g: GlobalConfig, at: YamlValue): OpsgenieConfig {
  let apiUrl = c.apiUrl ?? g.opsgenieApiUrl;
  if (!apiUrl.endsWith('/')) apiUrl += '/';
  const out: OpsgenieConfig = { ...c, apiUrl, httpConfig: c.httpConfig ?? g.httpConfig };
  if (c.apiKey === undefined && c.apiKeyFile === undefined) {
    out.apiKey = g.opsgenieApiKey;
    out.apiKeyFile = g.opsgenieApiKeyFile;
    if (out.apiKey === undefined && out.apiKeyFile === undefined) at.error('no global OpsGenie API Key set either inline or in a file');
  }
  return out;
}

