// Helpers to build the plain objects that become YAML: Go's omitempty and secret redaction.
export const SECRET = '<secret>';

export type YamlObject = Record<string, unknown>;

/** Drops undefined values, empty lists and empty maps (Go's `omitempty`), keeping key order. */
export function omitEmpty(o: YamlObject): YamlObject {
  const out: YamlObject = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/**
 * A secret and its `_file` twin: the file path when the secret came from a file (never both, so the
 * strict loader accepts the output), otherwise `<secret>` when set.
 */
export function secretPair(key: string, value: string | undefined, file: string | undefined, fileKey = `${key}_file`): YamlObject {
  if (file !== undefined) return { [fileKey]: file };
  return value !== undefined && value !== '' ? { [key]: SECRET } : {};
}

/** A copy with keys in byte order, as Go's YAML encoder writes maps. */
export function sortedMap<T>(m: Record<string, T> | undefined): Record<string, T> | undefined {
  if (m === undefined) return undefined;
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = m[k];
  return out;
}
