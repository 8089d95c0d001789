// The OpsGenie Alert API requests for one notification (reference 3.13): create (plus the message and
// description updates with `update_alerts`) while any alert fires, close once all are resolved. The
// alias is the sha256 of the group key. Works against any server speaking that API under `api_url`.
import type { OpsgenieConfig, OpsgenieResponder } from '../../../config/src';
import { sha256Hex } from '../../../core/src';
import { goJsonEncode } from '../json-api/go-json-value';
import type { Notification } from '../notifier';
import { FieldRenderer } from '../templating/field-renderer';
import { allResolved } from '../templating/notification-template-data';
import { truncateRunes } from '../templating/truncate';

export const MESSAGE_MAX_RUNES = 130;

export interface OpsgenieRequest {
  method: 'POST' | 'PUT';
  url: string;
  body: string;
}

export function buildOpsgenieRequests(config: OpsgenieConfig, n: Notification, render: FieldRenderer): OpsgenieRequest[] {
  const alias = sha256Hex(n.groupKey);
  if (allResolved(n)) {
    return [{ method: 'POST', url: endpoint(config.apiUrl, `v2/alerts/${alias}/close`, true), body: goJsonEncode({ source: render.text('OpsGenie source', config.source) }) }];
  }
  const message = truncateRunes(render.text('OpsGenie message', config.message), MESSAGE_MAX_RUNES).text;
  const description = render.text('OpsGenie description', config.description);
  const details = new Map<string, string>();
  const data = n.alerts.length > 0 ? commonLabels(n) : {};
  for (const [k, v] of Object.entries(data)) details.set(k, v);
  for (const [k, v] of Object.entries(config.details)) details.set(k, render.text(`OpsGenie details ${JSON.stringify(k)}`, v));
  const responders = renderResponders(config.responders, render);
  const tags = safeSplit(render.text('OpsGenie tags', config.tags ?? ''));
  const actions = safeSplit(render.text('OpsGenie actions', config.actions ?? ''));
  const create = {
    alias,
    message,
    description: description === '' ? undefined : description,
    details,
    source: render.text('OpsGenie source', config.source),
    responders: responders.length > 0 ? responders : undefined,
    tags: tags.length > 0 ? tags : undefined,
    note: omitEmpty(render.text('OpsGenie note', config.note ?? '')),
    priority: omitEmpty(render.text('OpsGenie priority', config.priority ?? '')),
    entity: omitEmpty(render.text('OpsGenie entity', config.entity ?? '')),
    actions: actions.length > 0 ? actions : undefined,
  };
  const requests: OpsgenieRequest[] = [{ method: 'POST', url: endpoint(config.apiUrl, 'v2/alerts', false), body: goJsonEncode(create) }];
  if (config.updateAlerts) {
    requests.push(
      { method: 'PUT', url: endpoint(config.apiUrl, `v2/alerts/${alias}/message`, true), body: goJsonEncode({ message: omitEmpty(message) }) },
      { method: 'PUT', url: endpoint(config.apiUrl, `v2/alerts/${alias}/description`, true), body: goJsonEncode({ description: omitEmpty(description) }) },
    );
  }
  return requests;
}

function commonLabels(n: Notification): Record<string, string> {
  const [first, ...rest] = n.alerts;
  const common: Record<string, string> = { ...first.labels };
  for (const a of rest) for (const k of Object.keys(common)) if (a.labels[k] !== common[k]) delete common[k];
  return common;
}

type RenderedResponder = { id?: string; name?: string; username?: string; type: string };

/** Empty responders (after templating) are dropped; `teams` becomes one `team` per comma-separated name. */
function renderResponders(responders: readonly OpsgenieResponder[], render: FieldRenderer): RenderedResponder[] {
  const out: RenderedResponder[] = [];
  for (const r of responders) {
    const id = render.text('OpsGenie responder id', r.id ?? '');
    const name = render.text('OpsGenie responder name', r.name ?? '');
    const username = render.text('OpsGenie responder username', r.username ?? '');
    const type = render.text('OpsGenie responder type', r.type);
    if (id === '' && name === '' && username === '' && type === '') continue;
    if (type === 'teams') {
      for (const team of safeSplit(name)) out.push({ name: render.text('OpsGenie responder name', team), type: 'team' });
      continue;
    }
    out.push({ id: omitEmpty(id), name: omitEmpty(name), username: omitEmpty(username), type });
  }
  return out;
}

/** Alertmanager's safeSplit: trims the whole string, splits on commas, drops empty parts (parts keep their spaces). */
export function safeSplit(s: string): string[] {
  return s.trim().split(',').filter((x) => x !== '');
}

function endpoint(apiUrl: string, path: string, byAlias: boolean): string {
  const url = new URL(apiUrl);
  url.pathname += path;
  if (byAlias) url.searchParams.set('identifierType', 'alias');
  return url.toString();
}

function omitEmpty(s: string): string | undefined {
  return s === '' ? undefined : s;
}
