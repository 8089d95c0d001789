// Alertmanager's template.DeepCopyWithTemplate (≥0.30): a rendered string that reads as YAML
// structure (a list, a map, a number, a boolean) is sent as that structure, its strings rendered
// again; anything else stays the rendered string. Maps come out as Go maps (sorted keys). YAML 1.1
// as Go's yaml.v2 reads it into interface{}: yes/no are booleans, timestamps stay strings.
import { DocumentOptions, parse, ParseOptions, SchemaOptions } from 'yaml';
import type { GoJsonValue } from '../json-api/go-json-value';

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: false,
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

export function renderStructured(template: string, render: (t: string) => string): GoJsonValue {
  const rendered = render(template);
  let parsed: unknown;
  try {
    parsed = parse(rendered, YAML_OPTIONS);
  } catch {
    return rendered;
  }
  if (typeof parsed === 'string') return rendered;
  return deepRender(parsed, render);
}

function deepRender(value: unknown, render: (t: string) => string): GoJsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return renderStructured(value, render);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((v) => deepRender(v, render));
  const out = new Map<string, GoJsonValue>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(render(k), deepRender(v, render));
  return out;
}
