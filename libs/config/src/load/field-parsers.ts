// Scalar fields with Alertmanager's own syntax: Prometheus and Go durations, host:port, URLs.
import { parseDuration, parseGoDuration } from '../../../core/src';
import type { YamlValue } from '../yaml/yaml-value';

/** A Prometheus duration (`1h30m`, `1d`) in ms; undefined when absent or invalid (reported). */
export function readDuration(v: YamlValue): number | undefined {
  const s = v.asString();
  if (s === undefined) return undefined;
  try {
    return parseDuration(s);
  } catch (e) {
    v.error((e as Error).message);
    return undefined;
  }
}

/** A Go `time.Duration` (`5s`, `1m30s`, no `d`) in ms. */
export function readGoDuration(v: YamlValue): number | undefined {
  const s = v.asString();
  if (s === undefined) return undefined;
  try {
    return parseGoDuration(s);
  } catch (e) {
    v.error((e as Error).message);
    return undefined;
  }
}

/** Go's net.SplitHostPort plus Alertmanager's "port cannot be empty" check. Returns the error or undefined. */
export function hostPortError(s: string): string | undefined {
  let port: string;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return `address ${s}: missing ']' in address`;
    if (end + 1 === s.length || s[end + 1] !== ':') return `address ${s}: missing port in address`;
    port = s.slice(end + 2);
    if (port.includes(':')) return `address ${s}: too many colons in address`;
  } else {
    const i = s.lastIndexOf(':');
    if (i < 0) return `address ${s}: missing port in address`;
    if (s.slice(0, i).includes(':')) return `address ${s}: too many colons in address`;
    port = s.slice(i + 1);
  }
  if (port === '') return `address ${JSON.stringify(s)}: port cannot be empty`;
  return undefined;
}

/** An absolute http(s) URL with a host, as Alertmanager's URL type requires. Returns the error or undefined. */
export function httpUrlError(s: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s)?.[1] ?? '';
  if (scheme.toLowerCase() !== 'http' && scheme.toLowerCase() !== 'https') return `unsupported scheme ${JSON.stringify(scheme)} for URL`;
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(s)?.[1];
  if (authority !== undefined) {
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    const bad = /[^A-Za-z0-9\-._~!$&'()*+,;=:\[\]<>"%]/.exec(host);
    if (bad) return `parse ${JSON.stringify(s)}: invalid character ${JSON.stringify(bad[0])} in host name`;
  }
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(\/|$)/.test(s)) return 'missing host for URL';
    return `parse ${JSON.stringify(s)}: invalid URL`;
  }
  if (parsed.host === '') return 'missing host for URL';
  return undefined;
}
