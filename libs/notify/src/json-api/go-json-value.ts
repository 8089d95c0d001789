// Any JSON value encoded as Go's json.Encoder writes it: plain objects are Go structs (fields in the
// order given), `Map`s are Go maps (keys in byte order), strings HTML-escaped, and a final newline.
import { compareUtf8 } from '../../../core/src';
import { goJsonString } from '../../../dispatch/src';

export type GoJsonValue = string | number | boolean | null | GoJsonValue[] | Map<string, GoJsonValue> | { [field: string]: GoJsonValue | undefined };

export function goJsonEncode(value: GoJsonValue): string {
  return encode(value) + '\n';
}

function encode(value: GoJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (value instanceof Map) {
    const keys = [...value.keys()].sort(compareUtf8);
    return `{${keys.map((k) => `${goJsonString(k)}:${encode(value.get(k) as GoJsonValue)}`).join(',')}}`;
  }
  const fields = Object.entries(value).filter(([, v]) => v !== undefined) as Array<[string, GoJsonValue]>;
  return `{${fields.map(([k, v]) => `${goJsonString(k)}:${encode(v)}`).join(',')}}`;
}
