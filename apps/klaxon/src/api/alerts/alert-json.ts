// gettableAlert / alertGroup JSON, with Alertmanager's field order and sorted label keys.
import { compareUtf8, LabelSet } from '../../../../../libs/core/src';
import { formatApiTime } from '../http/api-time';
import { AlertStatus, EvaluatedAlert } from './alert-status';

/** Go marshals maps with keys in byte order. */
export function sortedLabels(set: LabelSet): LabelSet {
  const out: LabelSet = {};
  for (const name of Object.keys(set).sort(compareUtf8)) out[name] = set[name];
  return out;
}

export function gettableAlert(e: EvaluatedAlert, status: AlertStatus): Record<string, unknown> {
  const a = e.alert;
  const json: Record<string, unknown> = {
    annotations: sortedLabels(a.annotations ?? {}),
    endsAt: formatApiTime(a.endsAt),
    fingerprint: a.fingerprint,
    receivers: e.routes.map((r) => ({ name: r.receiver })),
    startsAt: formatApiTime(a.startsAt),
    status,
    updatedAt: formatApiTime(a.updatedAt),
  };
  if (a.generatorURL) json.generatorURL = a.generatorURL;
  json.labels = sortedLabels(a.labels);
  return json;
}
