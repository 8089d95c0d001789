/** The command-line flags Klaxon accepts: Alertmanager's, by name and default, plus Klaxon's own. */
export type FlagKind = 'string' | 'bool' | 'duration' | 'int' | 'enum' | 'repeatable';

export interface FlagDefinition {
  readonly name: string;
  readonly kind: FlagKind;
  readonly help: string;
  readonly defaultValue?: string;
  readonly choices?: readonly string[];
  /** Accepted for compatibility with Alertmanager but without effect in Klaxon. */
  readonly ignored?: boolean;
  readonly placeholder?: string;
}

const clusterFlags: FlagDefinition[] = [
  ['cluster.listen-address', 'string', '0.0.0.0:9094'],
  ['cluster.advertise-address', 'string', undefined],
  ['cluster.peer', 'repeatable', undefined],
  ['cluster.peer-name', 'string', undefined],
  ['cluster.peer-timeout', 'duration', '15s'],
  ['cluster.gossip-interval', 'duration', '200ms'],
  ['cluster.pushpull-interval', 'duration', '1m0s'],
  ['cluster.tcp-timeout', 'duration', '10s'],
  ['cluster.probe-timeout', 'duration', '500ms'],
  ['cluster.probe-interval', 'duration', '1s'],
  ['cluster.settle-timeout', 'duration', '1m0s'],
  ['cluster.reconnect-interval', 'duration', '10s'],
  ['cluster.reconnect-timeout', 'duration', '6h0m0s'],
  ['cluster.tls-config', 'string', ''],
  ['cluster.label', 'string', ''],
  ['cluster.allow-insecure-public-advertise-address-discovery', 'bool', undefined],
].map(([name, kind, defaultValue]) => ({
  name: name as string,
  kind: kind as FlagKind,
  defaultValue: defaultValue as string | undefined,
  ignored: true,
  help: 'Accepted for compatibility with Alertmanager; Klaxon replicas coordinate through Redis instead.',
}));

export const FLAG_DEFINITIONS: readonly FlagDefinition[] = [
  { name: 'config.file', kind: 'string', defaultValue: 'alertmanager.yml', help: 'Alertmanager configuration file name.' },
  { name: 'storage.path', kind: 'string', defaultValue: 'data/', help: 'Base path for data storage (the embedded Redis keeps its files here).' },
  { name: 'data.retention', kind: 'duration', defaultValue: '120h', help: 'How long to keep data for (expired silences, notification log, history).' },
  { name: 'data.maintenance-interval', kind: 'duration', defaultValue: '15m', help: 'Interval between garbage collection runs of silences and the notification log.' },
  { name: 'alerts.gc-interval', kind: 'duration', defaultValue: '30m', help: 'Interval between alert GC.' },
  { name: 'web.listen-address', kind: 'string', defaultValue: ':9093', help: 'Address on which to expose metrics, the API and the health endpoints.' },
  { name: 'web.config.file', kind: 'string', defaultValue: '', help: 'Path to a Prometheus web configuration file that can enable TLS or authentication.' },
  { name: 'web.external-url', kind: 'string', placeholder: 'WEB.EXTERNAL-URL', help: 'The URL under which Klaxon is externally reachable. Its path prefixes all HTTP endpoints unless --web.route-prefix is given.' },
  { name: 'web.route-prefix', kind: 'string', placeholder: 'WEB.ROUTE-PREFIX', help: 'Prefix for the internal routes of web endpoints. Defaults to the path of --web.external-url.' },
  { name: 'web.get-concurrency', kind: 'int', defaultValue: '0', help: 'Maximum number of GET requests processed concurrently. If negative or zero, the limit is the number of CPUs or 8, whichever is larger.' },
  { name: 'web.timeout', kind: 'duration', defaultValue: '0', help: 'Timeout for HTTP requests. If negative or zero, no timeout is set.' },
  { name: 'web.systemd-socket', kind: 'bool', ignored: true, help: 'Accepted for compatibility; Klaxon always opens its own listener.' },
  { name: 'web.ui-path', kind: 'string', ignored: true, help: 'Accepted for compatibility; Klaxon serves no bundled UI.' },
  { name: 'silences.max-silences', kind: 'int', defaultValue: '0', help: 'Maximum number of silences, including expired ones. 0 means no limit.' },
  { name: 'silences.max-silence-size-bytes', kind: 'int', defaultValue: '0', help: 'Maximum silence size in bytes. 0 means no limit.' },
  { name: 'alerts.max-per-request', kind: 'int', defaultValue: '10000', help: 'Klaxon: most alerts accepted in one POST /api/v2/alerts (Prometheus sends at most 64). 0 means no limit.' },
  { name: 'alerts.max-labels', kind: 'int', defaultValue: '128', help: 'Klaxon: most labels one alert may have. 0 means no limit.' },
  { name: 'alerts.max-label-bytes', kind: 'int', defaultValue: '16384', help: 'Klaxon: longest label (name plus value, in bytes). 0 means no limit.' },
  { name: 'alerts.max-body-bytes', kind: 'int', defaultValue: '16777216', help: 'Klaxon: largest accepted request body for POST /api/v2/alerts, in bytes.' },
  { name: 'log.level', kind: 'enum', defaultValue: 'info', choices: ['debug', 'info', 'warn', 'error'], help: 'Only log messages with the given severity or above. One of: [debug, info, warn, error]' },
  { name: 'log.format', kind: 'enum', defaultValue: 'logfmt', choices: ['logfmt', 'json'], help: 'Output format of log messages. One of: [logfmt, json]' },
  { name: 'enable-feature', kind: 'repeatable', help: 'Accepted for compatibility; Klaxon runs Alertmanager\'s default (fallback) matcher mode.' },
  { name: 'redis.url', kind: 'string', help: 'Klaxon: Redis to keep state in (redis://, rediss:// or redis-sentinel://). Also REDIS_URL. Without it Klaxon starts its own redis-server under --storage.path.' },
  { name: 'roles', kind: 'string', defaultValue: 'api,worker', help: 'Klaxon: which parts run in this process: api, worker, or both (comma-separated).' },
  ...clusterFlags,
];
