// alertmanager.yml text to a KlaxonConfig, collecting every problem with its place.
import { dirname, resolve } from 'node:path';
import type { MatcherParseMode } from '../../../core/src';
import { ConfigError, ConfigIssue } from '../config-error';
import { ConfigFileReader, fsConfigFileReader } from '../config-file-reader';
import type { InhibitRuleConfig, KlaxonConfig, NamedTimeInterval, ReceiverConfig } from '../types';
import { IssueList } from '../yaml/yaml-value';
import { checkReceiverNames, checkRootRoute, checkRouteReferences } from './check-references';
import { loadGlobal } from './load-global';
import { loadInhibitRule } from './load-inhibit-rule';
import { LoadContext, resolvePath } from './load-context';
import { loadReceiver } from './load-receiver';
import { loadRoute } from './load-route';
import { loadNamedTimeIntervals } from './load-time-intervals';
import { parseYamlDocument } from './parse-yaml-document';

const TOP_LEVEL_KEYS = [
  'global', 'route', 'inhibit_rules', 'receivers', 'templates', 'time_intervals', 'mute_time_intervals',
  'tracing', 'event_recorder',
];

export interface ParseConfigOptions {
  /** As Alertmanager's `--enable-feature=utf8-strict-mode|classic-mode`; default `fallback`. */
  matcherMode?: MatcherParseMode;
}

/** Parses and validates a config; throws ConfigError listing every problem. */
export function parseConfig(
  yamlText: string,
  baseDir: string,
  reader: ConfigFileReader = fsConfigFileReader,
  options: ParseConfigOptions = {},
): KlaxonConfig {
  const issues = new IssueList();
  const ctx: LoadContext = { baseDir, reader, warnings: [], matcherMode: options.matcherMode ?? 'fallback' };
  const { root, empty } = parseYamlDocument(yamlText, issues);
  if (issues.issues.length > 0) throw new ConfigError(issues.issues);
  if (empty) throw new ConfigError([{ path: '', message: 'no route provided in config' }]);
  const top = root.asStruct('config.plain', TOP_LEVEL_KEYS);
  if (!top) throw new ConfigError(byLine(issues.issues));

  const global = loadGlobal(ctx, top.get('global'));
  for (const key of ['tracing', 'event_recorder']) {
    if (top.has(key)) ctx.warnings.push(`${key} is accepted but ignored: Klaxon does not export it`);
  }
  const route = loadRoute(ctx, top.get('route'));
  if (!route && top.get('route').isNull) issues.add({ path: 'route', line: top.get('route').line }, 'no routes provided');

  const inhibitRules: InhibitRuleConfig[] = [];
  for (const item of top.get('inhibit_rules').asList('[]config.InhibitRule')) {
    const rule = loadInhibitRule(ctx, item);
    if (rule) inhibitRules.push(rule);
  }

  const receiverEntries: { receiver: ReceiverConfig; place: { path: string; line?: number } }[] = [];
  for (const item of top.get('receivers').asList('[]*config.Receiver')) {
    const receiver = loadReceiver(ctx, item, global);
    if (receiver) receiverEntries.push({ receiver, place: { path: item.path, line: item.line } });
    else if (item.isNull) item.error('missing name in receiver');
  }
  checkReceiverNames(receiverEntries, issues);

  const timeIntervals = new Map<string, NamedTimeInterval>();
  loadNamedTimeIntervals(top.get('mute_time_intervals'), true, timeIntervals);
  loadNamedTimeIntervals(top.get('time_intervals'), false, timeIntervals);

  const templates = (top.get('templates').asStringList() ?? []).map((t) => resolvePath(ctx, t));

  if (route) {
    checkRootRoute(route, issues);
    // Like Go, which stops at type errors: no cross-checks against a section that could not be read.
    const readable = ['receivers', 'time_intervals', 'mute_time_intervals'].every((k) => top.get(k).isListOrAbsent);
    const names = new Set(receiverEntries.map((e) => e.receiver.name));
    if (readable) checkRouteReferences(route, names, timeIntervals, issues);
  }
  if (issues.issues.length > 0 || !route) throw new ConfigError(byLine(issues.issues));
  return {
    global,
    route,
    inhibitRules,
    receivers: receiverEntries.map((e) => e.receiver),
    templates,
    timeIntervals,
    warnings: ctx.warnings,
  };
}

/** Issues in document order (issues without a line keep their place at the front). */
function byLine(issues: ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}

/** Reads and parses a config file; relative paths inside resolve against its directory. */
export function loadConfigFile(
  path: string,
  reader: ConfigFileReader = fsConfigFileReader,
  options: ParseConfigOptions = {},
): KlaxonConfig {
  const absolute = resolve(path);
  let text: string;
  try {
    text = reader.readFile(absolute);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ConfigError([{ path: '', message: `open ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code ?? 'cannot read file'}` }]);
  }
  try {
    return parseConfig(text, dirname(absolute), reader, options);
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(e.errors, path);
    throw e;
  }
}
