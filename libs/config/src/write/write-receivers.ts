// Receivers and their integrations back to Alertmanager's YAML keys, secrets redacted.
import { formatGoDuration } from '../../../core/src';
import type { EmailConfig, OpsgenieConfig, PagerdutyConfig, ReceiverConfig, WebhookConfig } from '../receiver.types';
import { httpConfigToObject, tlsConfigToObject } from './write-http-config';
import { omitEmpty, secretPair, sortedMap, YamlObject } from './yaml-object';

function emailToObject(c: EmailConfig): YamlObject {
  return omitEmpty({
    send_resolved: c.sendResolved,
    to: c.to,
    from: c.from,
    hello: c.hello,
    smarthost: c.smarthost,
    auth_username: c.authUsername,
    ...secretPair('auth_password', c.authPassword, c.authPasswordFile),
    ...secretPair('auth_secret', c.authSecret, c.authSecretFile),
    auth_identity: c.authIdentity,
    headers: sortedMap(c.headers),
    html: c.html,
    text: c.text,
    require_tls: c.requireTls,
    tls_config: tlsConfigToObject(c.tlsConfig),
    force_implicit_tls: c.forceImplicitTls,
    threading: c.threading?.enabled ? { enabled: true, thread_by_date: c.threading.threadByDate } : undefined,
  });
}

function pagerdutyToObject(c: PagerdutyConfig): YamlObject {
  return omitEmpty({
    send_resolved: c.sendResolved,
    http_config: httpConfigToObject(c.httpConfig),
    ...secretPair('service_key', c.serviceKey, c.serviceKeyFile),
    ...secretPair('routing_key', c.routingKey, c.routingKeyFile),
    url: c.url,
    client: c.client,
    client_url: c.clientUrl,
    description: c.description,
    details: sortedMap(c.details),
    images: c.images,
    links: c.links,
    source: c.source,
    severity: c.severity,
    class: c.class,
    component: c.component,
    group: c.group,
    timeout: c.timeout > 0 ? formatGoDuration(c.timeout) : undefined,
  });
}

function opsgenieToObject(c: OpsgenieConfig): YamlObject {
  return omitEmpty({
    send_resolved: c.sendResolved,
    http_config: httpConfigToObject(c.httpConfig),
    ...secretPair('api_key', c.apiKey, c.apiKeyFile),
    api_url: c.apiUrl,
    message: c.message,
    description: c.description,
    source: c.source,
    details: sortedMap(c.details),
    entity: c.entity,
    responders: c.responders.map((r) => omitEmpty({ id: r.id, name: r.name, username: r.username, type: r.type })),
    actions: c.actions,
    tags: c.tags,
    note: c.note,
    priority: c.priority,
    update_alerts: c.updateAlerts || undefined,
  });
}

function webhookToObject(c: WebhookConfig): YamlObject {
  return omitEmpty({
    send_resolved: c.sendResolved,
    http_config: httpConfigToObject(c.httpConfig),
    // A secret since Alertmanager 0.26 (its status page showed tokens in webhook URLs).
    ...secretPair('url', c.url, c.urlFile),
    max_alerts: c.maxAlerts,
    timeout: c.timeout > 0 ? formatGoDuration(c.timeout) : undefined,
    payload: c.payload,
  });
}

export function receiverToObject(r: ReceiverConfig): YamlObject {
  const extraLabels = Object.keys(r.labels).some((k) => k !== 'name');
  const out: YamlObject = { name: r.name };
  if (extraLabels) out.labels = sortedMap(r.labels);
  return {
    ...out,
    ...omitEmpty({
      email_configs: r.emailConfigs.map(emailToObject),
      pagerduty_configs: r.pagerdutyConfigs.map(pagerdutyToObject),
      webhook_configs: r.webhookConfigs.map(webhookToObject),
      opsgenie_configs: r.opsgenieConfigs.map(opsgenieToObject),
    }),
  };
}
