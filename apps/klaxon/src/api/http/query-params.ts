// Query parameters as go-openapi reads them.

export type RawQuery = Record<string, string | string[] | undefined>;

/** Every value of a repeatable parameter. */
export function listParam(query: RawQuery, name: string): string[] {
  const v = query[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The first value of a parameter, if given. */
export function stringParam(query: RawQuery, name: string): string | undefined {
  return listParam(query, name)[0];
}

const TRUE_VALUES = new Set(['true', 'y', 'yes', '1', 'on', 'ok']);

/**
 * A boolean parameter with default true: absent or empty keeps the default; otherwise
 * `swag.ConvertBool`, which reads unknown words as false (observed 0.25: `active=maybe` is false).
 */
export function boolParam(query: RawQuery, name: string, defaultValue = true): boolean {
  const v = stringParam(query, name);
  if (v === undefined || v === '') return defaultValue;
  return TRUE_VALUES.has(v.toLowerCase());
}
