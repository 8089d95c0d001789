/** Formats one log event as logfmt (Alertmanager's default) or JSON. Pure. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'logfmt' | 'json';
export type LogFields = Record<string, unknown>;

export const LOG_LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Field names whose values are never written out. */
const SECRET_FIELD = /(password|secret|token|api_?key|routing_?key|service_?key|authorization|credentials)/i;

export function formatLogLine(format: LogFormat, time: Date, level: LogLevel, msg: string, fields: LogFields): string {
  const entries: [string, unknown][] = [['ts', time.toISOString()], ['level', level]];
  const component = fields.component;
  if (component !== undefined) entries.push(['component', component]);
  entries.push(['msg', msg]);
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'component' || value === undefined) continue;
    entries.push([key, SECRET_FIELD.test(key) ? '<secret>' : value]);
  }
  if (format === 'json') {
    return JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, v instanceof Error ? v.message : v])));
  }
  return entries.map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' ');
}

function logfmtValue(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = value.message;
  else if (typeof value === 'string') text = value;
  else if (value === null) text = 'null';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (text === '' || /[\s"=\\]|[\u0000-\u001f]/.test(text)) return JSON.stringify(text);
  return text;
}
