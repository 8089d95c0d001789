import { parseGoDuration } from '../../../../libs/core/src';
import { ParsedCommandLine, UsageError } from './parse-flags';
import { LogFormat, LogLevel } from '../logging/log-line';

export type Role = 'api' | 'worker';

/** Everything the command line decides, typed and validated. */
export interface KlaxonOptions {
  readonly configFile: string;
  readonly storagePath: string;
  readonly dataRetentionMs: number;
  readonly maintenanceIntervalMs: number;
  readonly alertsGcIntervalMs: number;
  readonly listenHost: string;
  readonly listenPort: number;
  readonly webConfigFile: string;
  /** As given; undefined means derived from the bound address. */
  readonly externalUrl?: string;
  /** Always starts with `/` and has no trailing slash unless it is `/`. */
  readonly routePrefix: string;
  readonly getConcurrency: number;
  readonly webTimeoutMs: number;
  readonly maxSilences: number;
  readonly maxSilenceSizeBytes: number;
  readonly maxAlertsBodyBytes: number;
  readonly maxAlertsPerRequest: number;
  readonly maxLabelsPerAlert: number;
  readonly maxLabelBytes: number;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly redisUrl?: string;
  readonly roles: ReadonlySet<Role>;
  /** Alertmanager flags given that Klaxon accepts without effect. */
  readonly ignoredFlags: readonly string[];
}

export function buildOptions(cli: ParsedCommandLine, env: NodeJS.ProcessEnv): KlaxonOptions {
  const str = (name: string) => cli.values.get(name) as string | undefined;
  const duration = (name: string) => {
    try {
      return parseGoDuration(str(name)!);
    } catch {
      throw new UsageError(`time: invalid duration "${str(name)}" for flag '--${name}'`);
    }
  };
  const int = (name: string) => Number.parseInt(str(name)!, 10);

  const [listenHost, listenPort] = parseListenAddress(str('web.listen-address')!);
  const externalUrl = str('web.external-url');
  if (externalUrl !== undefined) validateExternalUrl(externalUrl);

  return {
    configFile: str('config.file')!,
    storagePath: str('storage.path')!,
    dataRetentionMs: duration('data.retention'),
    maintenanceIntervalMs: duration('data.maintenance-interval'),
    alertsGcIntervalMs: duration('alerts.gc-interval'),
    listenHost,
    listenPort,
    webConfigFile: str('web.config.file') ?? '',
    externalUrl,
    routePrefix: routePrefixFrom(str('web.route-prefix'), externalUrl),
    getConcurrency: int('web.get-concurrency'),
    webTimeoutMs: duration('web.timeout'),
    maxSilences: int('silences.max-silences'),
    maxSilenceSizeBytes: int('silences.max-silence-size-bytes'),
    maxAlertsBodyBytes: int('alerts.max-body-bytes'),
    maxAlertsPerRequest: int('alerts.max-per-request'),
    maxLabelsPerAlert: int('alerts.max-labels'),
    maxLabelBytes: int('alerts.max-label-bytes'),
    logLevel: str('log.level') as LogLevel,
    logFormat: str('log.format') as LogFormat,
    redisUrl: str('redis.url') || env.REDIS_URL || undefined,
    roles: parseRoles(str('roles')!),
    ignoredFlags: [...cli.given].filter((name) => name.startsWith('cluster.') || name === 'web.systemd-socket' || name === 'web.ui-path' || name === 'enable-feature'),
  };
}

/** `:9093`, `0.0.0.0:9093`, `[::1]:9093`, `localhost:0`. An empty host listens on all addresses. */
export function parseListenAddress(address: string): [string, number] {
  const match = /^(?:\[([^\]]*)\]|([^:]*)):(\d+)$/.exec(address);
  if (!match) throw new UsageError(`address ${address}: missing port in address for flag '--web.listen-address'`);
  const port = Number(match[3]);
  if (port > 65535) throw new UsageError(`address ${address}: invalid port for flag '--web.listen-address'`);
  return [match[1] ?? match[2] ?? '', port];
}

function validateExternalUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`failed to determine external URL: parse "${url}": invalid URI for flag '--web.external-url'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`failed to determine external URL: "${url}": invalid "scheme" or "host" for flag '--web.external-url'`);
  }
}

/** As Alertmanager: the flag, else the external URL's path; then "/" + trimmed of slashes. */
export function routePrefixFrom(flag: string | undefined, externalUrl: string | undefined): string {
  let prefix = flag ?? '';
  if (flag === undefined && externalUrl !== undefined) prefix = new URL(externalUrl).pathname;
  return '/' + prefix.replace(/^\/+|\/+$/g, '');
}

function parseRoles(value: string): Set<Role> {
  const roles = new Set<Role>();
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (part === 'all') {
      roles.add('api');
      roles.add('worker');
    } else if (part === 'api' || part === 'worker') roles.add(part);
    else throw new UsageError(`unknown role "${part}" for flag '--roles' (use api, worker or both)`);
  }
  if (roles.size === 0) throw new UsageError(`no role given for flag '--roles' (use api, worker or both)`);
  return roles;
}

/** The URL Klaxon puts in notifications: the flag, or http://<hostname>:<bound port>, without a trailing slash. */
export function resolveExternalUrl(flag: string | undefined, hostname: string, boundPort: number): string {
  const raw = flag ?? `http://${hostname}:${boundPort}/`;
  const url = new URL(raw);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
