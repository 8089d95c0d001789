// A receiver as Klaxon's config loader builds it (defaults and global inheritance applied) from YAML.
import { parseConfig, ReceiverConfig } from '../../../libs/config/src';
import { REPO_ROOT } from '../../support/klaxon-process';

/** `integrations` is the YAML of the receiver's keys (e.g. `pagerduty_configs: [...]`), `global` of the global section. */
export function receiverFromYaml(integrations: string, global = ''): ReceiverConfig {
  const indent = (text: string, n: number) => text.trim().split('\n').map((l) => ' '.repeat(n) + l).join('\n');
  const yaml = `${global ? `global:\n${indent(global, 2)}\n` : ''}route:\n  receiver: r\nreceivers:\n- name: r\n${indent(integrations, 2)}\n`;
  return parseConfig(yaml, REPO_ROOT).receivers.find((r) => r.name === 'r')!;
}
