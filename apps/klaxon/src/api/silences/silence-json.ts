// gettableSilence JSON in Alertmanager's field order.
import { silenceState, Silence } from '../../../../../libs/dispatch/src';
import { formatApiTime } from '../http/api-time';
import { sortedLabels } from '../alerts/alert-json';

export function gettableSilence(s: Silence, now: number): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: s.id,
    status: { state: silenceState(s, now) },
    updatedAt: formatApiTime(s.updatedAt),
  };
  if (s.annotations && Object.keys(s.annotations).length > 0) json.annotations = sortedLabels(s.annotations);
  Object.assign(json, {
    comment: s.comment,
    createdBy: s.createdBy,
    endsAt: formatApiTime(s.endsAt),
    matchers: s.matchers.map((m) => ({ isEqual: m.isEqual, isRegex: m.isRegex, name: m.name, value: m.value })),
    startsAt: formatApiTime(s.startsAt),
  });
  return json;
}
