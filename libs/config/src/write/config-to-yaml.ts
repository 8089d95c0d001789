// The loaded config as YAML, as Alertmanager shows it in /api/v2/status `config.original`: every
// default filled in, secrets as `<secret>`, only keys Alertmanager's strict loader knows.
import { Document } from 'yaml';
import type { KlaxonConfig } from '../types';
import { globalToObject } from './write-global';
import { receiverToObject } from './write-receivers';
import { inhibitRuleToObject, namedTimeIntervalToObject, routeToObject } from './write-route';
import type { YamlObject } from './yaml-object';

export function configToObject(config: KlaxonConfig): YamlObject {
  const intervals = [...config.timeIntervals.values()];
  const out: YamlObject = {
    global: globalToObject(config.global),
    route: routeToObject(config.route),
  };
  if (config.inhibitRules.length > 0) out.inhibit_rules = config.inhibitRules.map(inhibitRuleToObject);
  out.receivers = config.receivers.map(receiverToObject);
  out.templates = config.templates;
  const mute = intervals.filter((t) => t.fromMuteTimeIntervals);
  const named = intervals.filter((t) => !t.fromMuteTimeIntervals);
  if (mute.length > 0) out.mute_time_intervals = mute.map(namedTimeIntervalToObject);
  if (named.length > 0) out.time_intervals = named.map(namedTimeIntervalToObject);
  return out;
}

export function configToYaml(config: KlaxonConfig): string {
  const doc = new Document(configToObject(config), { version: '1.1' });
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
