// `pagerduty_configs` items, with Alertmanager's default texts (the ≥0.30 `details`).
import type { PagerdutyConfig, PagerdutyImage, PagerdutyLink } from '../receiver.types';
import type { YamlValue } from '../yaml/yaml-value';
import { httpUrlError, readGoDuration } from './field-parsers';
import { loadHttpConfig } from './load-http-config';
import { LoadContext, readSecretPair } from './load-context';

const PAGERDUTY_KEYS = [
  'send_resolved', 'http_config', 'service_key', 'service_key_file', 'routing_key', 'routing_key_file', 'url',
  'client', 'client_url', 'description', 'details', 'images', 'links', 'source', 'severity', 'class', 'component',
  'group', 'timeout',
];

export const DEFAULT_PAGERDUTY_CLIENT = '{{ template "pagerduty.default.client" . }}';
export const DEFAULT_PAGERDUTY_DETAILS: Readonly<Record<string, string>> = {
  firing: '{{ .Alerts.Firing | toJson }}',
  resolved: '{{ .Alerts.Resolved | toJson }}',
  num_firing: '{{ .Alerts.Firing | len }}',
  num_resolved: '{{ .Alerts.Resolved | len }}',
};

export type PartialPagerdutyConfig = Omit<PagerdutyConfig, 'url' | 'httpConfig'> & { url?: string; httpConfig?: PagerdutyConfig['httpConfig'] };

export function loadPagerdutyConfig(ctx: LoadContext, v: YamlValue): PartialPagerdutyConfig | undefined {
  const s = v.asStruct('config.plain', PAGERDUTY_KEYS);
  if (!s) return undefined;
  const routingKey = readSecretPair(ctx, s, 'routing_key');
  const serviceKey = readSecretPair(ctx, s, 'service_key');
  const hasRouting = s.has('routing_key') || s.has('routing_key_file');
  const hasService = s.has('service_key') || s.has('service_key_file');
  if (!hasRouting && !hasService) s.error('missing service or routing key in PagerDuty config');
  const details: Record<string, string> = { ...DEFAULT_PAGERDUTY_DETAILS };
  for (const [key, dv] of s.get('details').entries()) details[key] = dv.asString() ?? '';
  const client = s.get('client').asString() ?? DEFAULT_PAGERDUTY_CLIENT;
  const url = s.get('url').asString();
  if (url !== undefined) {
    const err = httpUrlError(url);
    if (err) s.get('url').error(err);
  }
  const images: PagerdutyImage[] = [];
  for (const item of s.get('images').asList('[]config.PagerdutyImage')) {
    const img = item.asStruct('config.PagerdutyImage', ['src', 'alt', 'href']);
    if (img) images.push(optional({ src: img.get('src').asString(), alt: img.get('alt').asString(), href: img.get('href').asString() }));
  }
  const links: PagerdutyLink[] = [];
  for (const item of s.get('links').asList('[]config.PagerdutyLink')) {
    const link = item.asStruct('config.PagerdutyLink', ['href', 'text']);
    if (link) links.push(optional({ href: link.get('href').asString(), text: link.get('text').asString() }));
  }
  return {
    sendResolved: s.get('send_resolved').asBool() ?? true,
    httpConfig: loadHttpConfig(ctx, s.get('http_config')),
    routingKey: routingKey.value,
    routingKeyFile: routingKey.file,
    serviceKey: serviceKey.value,
    serviceKeyFile: serviceKey.file,
    url,
    client,
    clientUrl: s.get('client_url').asString() ?? '{{ template "pagerduty.default.clientURL" . }}',
    description: s.get('description').asString() ?? '{{ template "pagerduty.default.description" .}}',
    details,
    images,
    links,
    source: s.get('source').asString() || client,
    severity: s.get('severity').asString() || undefined,
    class: s.get('class').asString() || undefined,
    component: s.get('component').asString() || undefined,
    group: s.get('group').asString() || undefined,
    timeout: readGoDuration(s.get('timeout')) ?? 0,
  };
}

function optional<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
