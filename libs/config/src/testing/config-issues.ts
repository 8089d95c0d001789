// Test helper: the issues parseConfig reports for a text (empty when it loads).
import { ConfigError, ConfigIssue } from '../config-error';
import type { ConfigFileReader } from '../config-file-reader';
import { parseConfig } from '../load/parse-config';

export function issuesOf(text: string, baseDir = '/etc/alertmanager', reader?: ConfigFileReader): ConfigIssue[] {
  try {
    parseConfig(text, baseDir, reader);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.errors;
    throw e;
  }
}
