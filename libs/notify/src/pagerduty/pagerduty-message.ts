// The PagerDuty Events API messages (v2 `routing_key`, v1 `service_key`) for one notification, in
// Alertmanager's field order, with its size limit: over 512000 bytes the details are replaced.
import type { PagerdutyConfig } from '../../../config/src';
import { sha256Hex } from '../../../core/src';
import { GoJsonValue, goJsonEncode } from '../json-api/go-json-value';
import { Notification, NotifyError } from '../notifier';
import { FieldRenderer } from '../templating/field-renderer';
import { allResolved } from '../templating/notification-template-data';
import { renderStructured } from '../templating/structured-value';
import { truncateRunes } from '../templating/truncate';

export const MAX_EVENT_BYTES = 512000;
export const SUMMARY_MAX_RUNES = 1024;
export const DETAILS_REMOVED = 'Custom details have been removed because the original event exceeds the maximum size of 512KB';

export interface PagerdutyEvent {
  /** Go json.Encoder output, ready to post. */
  body: string;
  eventAction: 'trigger' | 'resolve';
  /** True when the details were replaced by DETAILS_REMOVED. */
  detailsRemoved: boolean;
}

export function buildPagerdutyEvent(config: PagerdutyConfig, n: Notification, render: FieldRenderer): PagerdutyEvent {
  const eventAction = allResolved(n) ? 'resolve' : 'trigger';
  const details = renderDetails(config, render);
  return config.routingKey !== undefined || config.serviceKey === undefined
    ? v2Event(config, n, render, eventAction, details)
    : v1Event(config, n, render, eventAction, details);
}

function renderDetails(config: PagerdutyConfig, render: FieldRenderer): Map<string, GoJsonValue> {
  const details = new Map<string, GoJsonValue>();
  for (const [key, template] of Object.entries(config.details)) {
    details.set(key, renderStructured(template, (t) => render.text(`PagerDuty details ${JSON.stringify(key)}`, t)));
  }
  return details;
}

function v2Event(config: PagerdutyConfig, n: Notification, render: FieldRenderer, eventAction: 'trigger' | 'resolve', details: Map<string, GoJsonValue>): PagerdutyEvent {
  const routingKey = render.secret('PagerDuty routing_key', config.routingKey ?? '');
  if (routingKey === '') throw new NotifyError('routing key cannot be empty', false, 'other');
  const images = config.images
    .map((i) => ({ src: render.text('PagerDuty image src', i.src ?? ''), alt: render.text('PagerDuty image alt', i.alt ?? ''), href: render.text('PagerDuty image href', i.href ?? '') }))
    .filter((i) => i.src !== '');
  const links = config.links
    .map((l) => ({ href: render.text('PagerDuty link href', l.href ?? ''), text: render.text('PagerDuty link text', l.text ?? '') }))
    .filter((l) => l.href !== '');
  const payload: { [k: string]: GoJsonValue | undefined } = {
    summary: truncateRunes(render.text('PagerDuty description', config.description), SUMMARY_MAX_RUNES).text,
    source: render.text('PagerDuty source', config.source),
    severity: render.text('PagerDuty severity', config.severity || 'error'),
    class: omitEmpty(render.text('PagerDuty class', config.class ?? '')),
    component: omitEmpty(render.text('PagerDuty component', config.component ?? '')),
    group: omitEmpty(render.text('PagerDuty group', config.group ?? '')),
    custom_details: details.size > 0 ? details : undefined,
  };
  const message = {
    routing_key: routingKey,
    dedup_key: sha256Hex(n.groupKey),
    event_action: eventAction,
    payload,
    client: omitEmpty(render.text('PagerDuty client', config.client)),
    client_url: omitEmpty(render.text('PagerDuty client_url', config.clientUrl)),
    images: images.length > 0 ? images : undefined,
    links: links.length > 0 ? links : undefined,
  };
  return withinLimit(message, eventAction, () => (payload.custom_details = new Map([['error', DETAILS_REMOVED]])));
}

function v1Event(config: PagerdutyConfig, n: Notification, render: FieldRenderer, eventAction: 'trigger' | 'resolve', details: Map<string, GoJsonValue>): PagerdutyEvent {
  const serviceKey = render.secret('PagerDuty service_key', config.serviceKey ?? '');
  if (serviceKey === '') throw new NotifyError('service key cannot be empty', false, 'other');
  const trigger = eventAction === 'trigger';
  const message: { [k: string]: GoJsonValue | undefined } = {
    service_key: serviceKey,
    incident_key: sha256Hex(n.groupKey),
    event_type: eventAction,
    description: omitEmpty(truncateRunes(render.text('PagerDuty description', config.description), SUMMARY_MAX_RUNES).text),
    event_action: '',
    payload: null,
    client: trigger ? omitEmpty(render.text('PagerDuty client', config.client)) : undefined,
    client_url: trigger ? omitEmpty(render.text('PagerDuty client_url', config.clientUrl)) : undefined,
    details: details.size > 0 ? details : undefined,
  };
  return withinLimit(message, eventAction, () => (message.details = new Map([['error', DETAILS_REMOVED]])));
}

function withinLimit(message: { [k: string]: GoJsonValue | undefined }, eventAction: 'trigger' | 'resolve', removeDetails: () => void): PagerdutyEvent {
  const body = goJsonEncode(message);
  if (Buffer.byteLength(body) <= MAX_EVENT_BYTES) return { body, eventAction, detailsRemoved: false };
  removeDetails();
  return { body: goJsonEncode(message), eventAction, detailsRemoved: true };
}

function omitEmpty(s: string): string | undefined {
  return s === '' ? undefined : s;
}
