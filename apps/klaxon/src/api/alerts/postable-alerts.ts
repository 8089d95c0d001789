// POST /alerts body: Go's decoding (400) and go-swagger's schema checks (422), in that order.
import type { PostedAlert } from '../../../../../libs/dispatch/src';
import { ApiError, VALIDATION } from '../http/api-error';
import { parseApiTime } from '../http/api-time';
import { bodyError, goJsonKind } from '../http/json-body';

const fail = (reason: string) => bodyError('alerts', reason);

function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (goJsonKind(value) !== 'object') {
    throw fail(`json: cannot unmarshal ${goJsonKind(value)} into Go struct field PostableAlert.${field} of type models.LabelSet`);
  }
  // Checked in place: JSON.parse made a fresh object, and normalizing copies it again.
  const map = value as Record<string, unknown>;
  for (const k in map) {
    const v = map[k];
    if (typeof v !== 'string') throw fail(`json: cannot unmarshal ${goJsonKind(v)} into Go struct field Alert.${field} of type string`);
  }
  return map as Record<string, string>;
}

function time(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw fail(`json: cannot unmarshal ${goJsonKind(value)} into Go struct field PostableAlert.${field} of type string`);
  }
  try {
    return parseApiTime(value);
  } catch (err) {
    throw fail((err as Error).message);
  }
}

/** Decodes the parsed JSON into posted alerts, or throws Alertmanager's 400/422. */
export function readPostableAlerts(json: unknown): PostedAlert[] {
  if (json === undefined || json === null) throw ApiError.validation(VALIDATION.required, 'alerts in body is required');
  if (!Array.isArray(json)) throw fail(`json: cannot unmarshal ${goJsonKind(json)} into Go value of type models.PostableAlerts`);
  const decoded = json.map((item) => {
    if (item !== null && goJsonKind(item) !== 'object') {
      throw fail(`json: cannot unmarshal ${goJsonKind(item)} into Go value of type models.PostableAlert`);
    }
    const o = (item ?? {}) as Record<string, unknown>;
    if (o.generatorURL !== undefined && o.generatorURL !== null && typeof o.generatorURL !== 'string') {
      throw fail(`json: cannot unmarshal ${goJsonKind(o.generatorURL)} into Go struct field Alert.generatorURL of type strfmt.URI`);
    }
    return {
      labels: stringMap(o.labels, 'labels'),
      annotations: stringMap(o.annotations, 'annotations'),
      startsAt: time(o.startsAt, 'startsAt'),
      endsAt: time(o.endsAt, 'endsAt'),
      generatorURL: (o.generatorURL as string | undefined | null) ?? undefined,
    };
  });
  decoded.forEach((a, i) => {
    if (a.labels === undefined) throw ApiError.validation(VALIDATION.required, `${i}.labels in body is required`);
  });
  return decoded as PostedAlert[];
}
