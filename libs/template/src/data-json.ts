// Template data from the JSON shape of Alertmanager's template.Data (what `amtool template
// render --template.data` reads and webhooks send). Like Go's encoding/json, field names match
// case-insensitively and fields are taken as given (nothing is recomputed).
import { GoTime } from './go-time';
import { KV, TemplateData, alertValue, dataValue } from './alert-data';

type Json = Record<string, unknown>;

function pick(obj: Json, name: string): unknown {
  if (name in obj) return obj[name];
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function str(obj: Json, name: string): string {
  const v = pick(obj, name);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new Error(`json: cannot unmarshal ${typeof v} into Go struct field .${name} of type string`);
  return v;
}

function kv(obj: Json, name: string, withString: boolean): KV {
  const v = pick(obj, name);
  if (v === undefined || v === null) return new KV({}, withString);
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`json: cannot unmarshal into Go struct field .${name} of type template.KV`);
  for (const x of Object.values(v as Json)) {
    if (typeof x !== 'string') throw new Error(`json: cannot unmarshal ${typeof x} into Go struct field .${name} of type string`);
  }
  return new KV(v as Record<string, string>, withString);
}

function time(obj: Json, name: string): GoTime {
  const v = pick(obj, name);
  if (v === undefined || v === null) return GoTime.zero();
  if (typeof v !== 'string') throw new Error(`json: cannot unmarshal ${typeof v} into Go struct field .${name} of type time.Time`);
  return GoTime.parseRFC3339(v);
}

export interface DataJsonOptions {
  /** false: KV and Pairs without String(), printing as Alertmanager 0.25 did (default true). */
  kvStringMethods?: boolean;
}

export function templateDataFromJson(input: unknown, options: DataJsonOptions = {}): TemplateData {
  const withString = options.kvStringMethods ?? true;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('json: cannot unmarshal into Go value of type template.Data');
  }
  const obj = input as Json;
  const rawAlerts = pick(obj, 'alerts');
  const alerts = (Array.isArray(rawAlerts) ? rawAlerts : []).map((a: Json) =>
    alertValue({
      status: str(a, 'status'),
      labels: kv(a, 'labels', withString),
      annotations: kv(a, 'annotations', withString),
      startsAt: time(a, 'startsAt'),
      endsAt: time(a, 'endsAt'),
      generatorURL: str(a, 'generatorURL'),
      fingerprint: str(a, 'fingerprint'),
    }),
  );
  return dataValue({
    receiver: str(obj, 'receiver'),
    status: str(obj, 'status'),
    alerts,
    groupLabels: kv(obj, 'groupLabels', withString),
    commonLabels: kv(obj, 'commonLabels', withString),
    commonAnnotations: kv(obj, 'commonAnnotations', withString),
    externalURL: str(obj, 'externalURL'),
  });
}
