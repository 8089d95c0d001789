// gettableAlert / alertGroup JSON text, with Alertmanager's field order and sorted label keys.
// The parts of an alert's JSON that do not depend on the query are rendered once per stored
// alert object and reused, so listing 100k alerts is mostly string concatenation.
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

const fragments = new WeakMap<StoredAlert, Fragments>();
const receiverLists = new WeakMap<Route[], string>();

function fragmentsOf(a: StoredAlert): Fragments {
  let f = fragments.get(a);
  if (!f) {
    const generator = a.generatorURL ? `,"generatorURL":${JSON.stringify(a.generatorURL)}` : '';
    f = {
      head: `{"annotations":${JSON.stringify(sortedLabels(a.annotations ?? {}))},"endsAt":"${formatApiTime(a.endsAt)}","fingerprint":${JSON.stringify(a.fingerprint)},"receivers":`,
      middle: `,"startsAt":"${formatApiTime(a.startsAt)}","status":`,
      tail: `,"updatedAt":"${formatApiTime(a.updatedAt)}"${generator},"labels":${JSON.stringify(sortedLabels(a.labels))}}`,
    };
    fragments.set(a, f);
  }
  return f;
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

/** One gettableAlert as JSON text. */
export function gettableAlertJson(e: EvaluatedAlert, status: AlertStatus): string {
  const f = fragmentsOf(e.alert);
  return f.head + receiversJson(e.routes) + f.middle + statusJson(status) + f.tail;
}

/** One alertGroup as JSON text, from its alerts' JSON texts. */
export function alertGroupJson(alerts: readonly string[], labels: LabelSet, receiver: string): string {
  return `{"alerts":[${alerts.join(',')}],"labels":${JSON.stringify(sortedLabels(labels))},"receiver":${JSON.stringify({ name: receiver })}}`;
}
