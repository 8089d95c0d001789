// The loaded alertmanager.yml as plain data: every default applied, every secret read from its file,
// durations in milliseconds. Field names are the YAML keys in camelCase.
import type { Matcher } from '../../core/src';
import type { HttpConfig, TlsConfig } from './http-config.types';
import type { ReceiverConfig } from './receiver.types';
import type { TimeIntervalSpec } from './time-interval.types';

export type { HttpConfig, TlsConfig } from './http-config.types';
export type {
  ReceiverConfig,
  EmailConfig,
  PagerdutyConfig,
  PagerdutyImage,
  PagerdutyLink,
  OpsgenieConfig,
  OpsgenieResponder,
  WebhookConfig,
} from './receiver.types';
export type { TimeIntervalSpec, TimeRange, InclusiveRange } from './time-interval.types';

export interface GlobalConfig {
  resolveTimeout: number; // ms
  httpConfig: HttpConfig;
  smtpFrom?: string;
  smtpHello: string;
  smtpSmarthost?: string; // host:port
  smtpAuthUsername?: string;
  smtpAuthPassword?: string;
  smtpAuthPasswordFile?: string;
  smtpAuthSecret?: string;
  smtpAuthSecretFile?: string;
  smtpAuthIdentity?: string;
  smtpRequireTls: boolean;
  smtpTlsConfig?: TlsConfig;
  smtpForceImplicitTls?: boolean;
  pagerdutyUrl: string;
  opsgenieApiUrl: string;
  opsgenieApiKey?: string;
  opsgenieApiKeyFile?: string;
  /** Global keys Alertmanager knows but Klaxon does not use (slack_api_url, ...), as written. */
  otherKeys: Record<string, unknown>;
}

export interface RouteConfig {
  receiver?: string; // undefined when not set on this node (children inherit)
  groupBy?: string[]; // as written; undefined when absent; ['...'] means all labels
  continue: boolean;
  /** `matchers`, `match` and `match_re` merged, sorted by (name, value, type). */
  matchers: Matcher[];
  groupWait?: number; // ms; undefined when absent (inherit)
  groupInterval?: number;
  repeatInterval?: number;
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
  routes: RouteConfig[];
  /** The three matcher forms as written, for writing the config back. */
  raw: RouteMatcherSource;
  /** Where the node is in the file (for error messages of later checks). */
  place?: ConfigPlace;
}

export interface ConfigPlace {
  path: string;
  line?: number;
}

export interface RouteMatcherSource {
  match?: Record<string, string>;
  matchRe?: Record<string, string>;
  matchers?: string[];
}

export interface InhibitRuleConfig {
  name?: string;
  sourceMatchers: Matcher[];
  targetMatchers: Matcher[];
  equal: string[];
  raw: {
    sourceMatch?: Record<string, string>;
    sourceMatchRe?: Record<string, string>;
    sourceMatchers?: string[];
    targetMatch?: Record<string, string>;
    targetMatchRe?: Record<string, string>;
    targetMatchers?: string[];
  };
}

export interface NamedTimeInterval {
  name: string;
  timeIntervals: TimeIntervalSpec[];
  /** true when it came from the deprecated `mute_time_intervals` list. */
  fromMuteTimeIntervals: boolean;
}

export interface KlaxonConfig {
  global: GlobalConfig;
  route: RouteConfig;
  inhibitRules: InhibitRuleConfig[];
  receivers: ReceiverConfig[];
  /** `templates` globs, resolved against the config file's directory (not expanded). */
  templates: string[];
  timeIntervals: Map<string, NamedTimeInterval>;
  warnings: string[];
}
