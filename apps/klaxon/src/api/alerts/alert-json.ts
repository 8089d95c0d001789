// gettableAlert / alertGroup JSON, with Alertmanager's field order and sorted label keys.
// An alert's JSON is rendered once per stored alert (and again only when the alert is stored
// again or its receivers or status change), so listing 100k alerts is mostly one copy of cached
// bytes.
import { compareUtf8, LabelSet } from '../../../../../libs/core/src';
import type { Route, StoredAlert } from '../../../../../libs/dispatch/src';
import { formatApiTime } from '../http/api-time';
import type { AlertStatus, EvaluatedAlert } from './alert-status';

/** Go marshals maps with keys in byte order. */
export function sortedLabels(set: LabelSet): LabelSet {
  const out: LabelSet = {};
  for (const name of Object.keys(set).sort(compareUtf8)) out[name] = set[name];
  return out;
}

interface Fragments {
  /** `{"annotations":…,"endsAt":…,"fingerprint":…,"receivers":` */
  head: string;
  /** `,"startsAt":…,"status":` */
  middle: string;
  /** `,"updatedAt":…[,"generatorURL":…],"labels":…}` */
  tail: string;
}

const receiverLists = new WeakMap<Route[], string>();

function fragmentsOf(a: StoredAlert): Fragments {
  const generator = a.generatorURL ? `,"generatorURL":${JSON.stringify(a.generatorURL)}` : '';
  return {
    head: `{"annotations":${JSON.stringify(sortedLabels(a.annotations ?? {}))},"endsAt":"${formatApiTime(a.endsAt)}","fingerprint":${JSON.stringify(a.fingerprint)},"receivers":`,
    middle: `,"startsAt":"${formatApiTime(a.startsAt)}","status":`,
    tail: `,"updatedAt":"${formatApiTime(a.updatedAt)}"${generator},"labels":${JSON.stringify(sortedLabels(a.labels))}}`,
  };
}

function receiversJson(routes: Route[]): string {
  let text = receiverLists.get(routes);
  if (text === undefined) {
    text = JSON.stringify(routes.map((r) => ({ name: r.receiver })));
    receiverLists.set(routes, text);
  }
  return text;
}

function statusJson(s: AlertStatus): string {
  if (s.inhibitedBy.length === 0 && s.mutedBy.length === 0 && s.silencedBy.length === 0) {
    return `{"inhibitedBy":[],"mutedBy":[],"silencedBy":[],"state":"${s.state}"}`;
  }
  return JSON.stringify({ inhibitedBy: s.inhibitedBy, mutedBy: s.mutedBy, silencedBy: s.silencedBy, state: s.state });
}

/**
 * An alert's rendered JSON, valid while its routes and status render the same and the alert
 * object (which the alert mirror updates in place) holds the values it was rendered from.
 */
interface RenderedAlert {
  dynamic: string;
  from: Readonly<StoredAlert>;
  json: Buffer;
}

/** The fields an alert's JSON is rendered from; label and annotation sets are replaced, never changed. */
function renderedFrom(a: StoredAlert): Readonly<StoredAlert> {
  return { ...a };
}

function sameRenderedFields(a: Readonly<StoredAlert>, b: StoredAlert): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    a.endsAt === b.endsAt &&
    a.startsAt === b.startsAt &&
    a.annotations === b.annotations &&
    a.labels === b.labels &&
    a.generatorURL === b.generatorURL &&
    a.fingerprint === b.fingerprint
  );
}

const rendered = new WeakMap<StoredAlert, RenderedAlert>();

/** One gettableAlert as UTF-8 JSON; reused across queries while its receivers and status are unchanged. */
export function gettableAlertJson(e: EvaluatedAlert, status: AlertStatus): Buffer {
  const receivers = receiversJson(e.routes);
  const statusText = statusJson(status);
  const dynamic = receivers + statusText;
  const cached = rendered.get(e.alert);
  if (cached && cached.dynamic === dynamic && sameRenderedFields(cached.from, e.alert)) return cached.json;
  const f = fragmentsOf(e.alert);
  const json = Buffer.from(f.head + receivers + f.middle + statusText + f.tail);
  rendered.set(e.alert, { dynamic, from: renderedFrom(e.alert), json });
  return json;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The pieces of `[a,b,…]` from rendered JSON values (concatenated once, when sent). */
export function jsonArray(items: readonly Buffer[]): Buffer[] {
  const parts: Buffer[] = [OPEN];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(item);
  });
  parts.push(CLOSE);
  return parts;
}

/** One alertGroup as UTF-8 JSON, from its alerts' rendered JSON. */
export function alertGroupJson(alerts: readonly Buffer[], labels: LabelSet, receiver: string): Buffer {
  return Buffer.concat([
    Buffer.from('{"alerts":'),
    ...jsonArray(alerts),
    Buffer.from(`,"labels":${JSON.stringify(sortedLabels(labels))},"receiver":${JSON.stringify({ name: receiver })}}`),
  ]);
}
