// `webhook_configs` items.
import type { WebhookConfig } from '../receiver.types';
import type { YamlValue } from '../yaml/yaml-value';
import { httpUrlError, readGoDuration } from './field-parsers';
import { loadHttpConfig } from './load-http-config';
import { LoadContext, readSecretPair } from './load-context';
import { SECRET } from '../write/yaml-object';

const WEBHOOK_KEYS = ['send_resolved', 'http_config', 'url', 'url_file', 'max_alerts', 'timeout', 'payload'];

export type PartialWebhookConfig = Omit<WebhookConfig, 'httpConfig'> & { httpConfig?: WebhookConfig['httpConfig'] };

export function loadWebhookConfig(ctx: LoadContext, v: YamlValue): PartialWebhookConfig | undefined {
  const s = v.asStruct('config.plain', WEBHOOK_KEYS);
  if (!s) return undefined;
  const hasUrl = s.has('url');
  const hasFile = s.has('url_file');
  if (!hasUrl && !hasFile) s.error('one of url or url_file must be configured');
  const url = readSecretPair(ctx, s, 'url');
  const written = s.get('url').asString();
  // `<secret>` is how a written config (`/api/v2/status`) shows the URL; it reads back as is.
  if (hasUrl && !hasFile && written !== undefined && written !== SECRET && !written.includes('{{')) {
    const err = httpUrlError(written);
    if (err) s.get('url').error(err);
  }
  const maxAlertsValue = s.get('max_alerts');
  let maxAlerts = maxAlertsValue.asInt() ?? 0;
  if (maxAlerts < 0) {
    maxAlertsValue.error(`cannot unmarshal !!int \`${maxAlerts}\` into uint64`);
    maxAlerts = 0;
  }
  const payload = s.get('payload');
  return {
    sendResolved: s.get('send_resolved').asBool() ?? true,
    httpConfig: loadHttpConfig(ctx, s.get('http_config')),
    url: url.value,
    urlFile: url.file,
    maxAlerts,
    timeout: readGoDuration(s.get('timeout')) ?? 0,
    payload: payload.isNull ? undefined : (payload.node as { toJSON(): unknown }).toJSON(),
  };
}
