// encoding/json.Marshal for template values (toJson): sorted map keys, struct fields under
// their JSON names, times as RFC 3339, and Go's HTML-safe string escaping.
import { GoTime } from './go-time';
import { GoDuration, GoFunc, GoList, GoMap, GoStruct, GoValue, SafeString } from './values';

/** JSON names of the struct fields Alertmanager tags; other fields keep their Go names. */
const JSON_NAMES: Record<string, string> = {
  Receiver: 'receiver', Status: 'status', Alerts: 'alerts', GroupLabels: 'groupLabels',
  CommonLabels: 'commonLabels', CommonAnnotations: 'commonAnnotations', ExternalURL: 'externalURL',
  NotificationReason: 'notificationReason', Labels: 'labels', Annotations: 'annotations',
  StartsAt: 'startsAt', EndsAt: 'endsAt', GeneratorURL: 'generatorURL', Fingerprint: 'fingerprint',
};

export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

function jsonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`json: unsupported value: ${x}`);
  // JS and Go agree: fixed notation in [1e-6, 1e21), shortest exponent form (1e-7, 1e+21) outside.
  return String(x);
}

export function toJson(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return jsonFloat(v);
  if (v instanceof SafeString) return jsonString(v.value);
  if (v instanceof GoTime) return jsonString(v.toRFC3339Nano());
  if (v instanceof GoDuration) return v.nanos.toString();
  if (v instanceof GoList) return '[' + v.items.map(toJson).join(',') + ']';
  if (v instanceof GoMap) return '{' + v.sortedKeys().map((k) => `${jsonString(k)}:${toJson(v.get(k) ?? null)}`).join(',') + '}';
  if (v instanceof GoStruct) return '{' + v.fields.map(([n, f]) => `${jsonString(JSON_NAMES[n] ?? n)}:${toJson(f)}`).join(',') + '}';
  if (v instanceof GoFunc) throw new Error('json: unsupported type: func');
  return 'null';
}
