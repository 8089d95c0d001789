// `opsgenie_configs` items (API key and URL are inherited from global by load-receivers).
import type { OpsgenieConfig, OpsgenieResponder } from '../receiver.types';
import type { YamlValue } from '../yaml/yaml-value';
import { httpUrlError } from './field-parsers';
import { loadHttpConfig } from './load-http-config';
import { LoadContext, readSecretPair } from './load-context';

const OPSGENIE_KEYS = [
  'send_resolved', 'http_config', 'api_key', 'api_key_file', 'api_url', 'message', 'description', 'source',
  'details', 'entity', 'responders', 'actions', 'tags', 'note', 'priority', 'update_alerts',
];
const RESPONDER_TYPE = /^(team|teams|user|escalation|schedule)$/;

export type PartialOpsgenieConfig = Omit<OpsgenieConfig, 'apiUrl' | 'httpConfig'> & { apiUrl?: string; httpConfig?: OpsgenieConfig['httpConfig'] };

export function loadOpsgenieConfig(ctx: LoadContext, v: YamlValue): PartialOpsgenieConfig | undefined {
  const s = v.asStruct('config.plain', OPSGENIE_KEYS);
  if (!s) return undefined;
  const apiKey = readSecretPair(ctx, s, 'api_key');
  const apiUrl = s.get('api_url').asString();
  if (apiUrl !== undefined) {
    const err = httpUrlError(apiUrl);
    if (err) s.get('api_url').error(err);
  }
  const details: Record<string, string> = {};
  for (const [key, dv] of s.get('details').entries()) details[key] = dv.asString() ?? '';
  const responders: OpsgenieResponder[] = [];
  for (const item of s.get('responders').asList('[]config.OpsGenieConfigResponder')) {
    const r = item.asStruct('config.OpsGenieConfigResponder', ['id', 'name', 'username', 'type']);
    if (!r) continue;
    const responder: OpsgenieResponder = { type: r.get('type').asString() ?? '' };
    for (const key of ['id', 'name', 'username'] as const) {
      const value = r.get(key).asString();
      if (value) responder[key] = value;
    }
    const shown = `{${responder.id ?? ''} ${responder.name ?? ''} ${responder.username ?? ''} ${responder.type}}`;
    if (!responder.id && !responder.name && !responder.username) {
      item.error(`opsGenieConfig responder ${shown} has to have at least one of id, username or name specified`);
    }
    if (!responder.type.includes('{{')) {
      responder.type = responder.type.toLowerCase();
      if (!RESPONDER_TYPE.test(responder.type)) {
        item.error(`opsGenieConfig responder ${shown} type does not match valid options ${RESPONDER_TYPE.source}`);
      }
    }
    responders.push(responder);
  }
  return {
    sendResolved: s.get('send_resolved').asBool() ?? true,
    httpConfig: loadHttpConfig(ctx, s.get('http_config')),
    apiKey: apiKey.value,
    apiKeyFile: apiKey.file,
    apiUrl,
    message: s.get('message').asString() ?? '{{ template "opsgenie.default.message" . }}',
    description: s.get('description').asString() ?? '{{ template "opsgenie.default.description" . }}',
    source: s.get('source').asString() ?? '{{ template "opsgenie.default.source" . }}',
    details,
    entity: s.get('entity').asString() || undefined,
    responders,
    actions: s.get('actions').asString() || undefined,
    tags: s.get('tags').asString() || undefined,
    note: s.get('note').asString() || undefined,
    priority: s.get('priority').asString() || undefined,
    updateAlerts: s.get('update_alerts').asBool() ?? false,
  };
}
