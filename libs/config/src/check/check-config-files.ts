// `amtool check-config`-like validation of config files, for the CLI.
import { ConfigError, formatConfigIssue } from '../config-error';
import type { ConfigFileReader } from '../config-file-reader';
import { loadConfigFile } from '../load/parse-config';

export interface CheckConfigOptions {
  /**
   * Parses the templates matched by the config's globs; returns an error message or undefined.
   * When given and the config has templates, a `  SUCCESS` / `  FAILED: …` line follows the counts,
   * as amtool prints it.
   */
  checkTemplates?: (globs: string[]) => string | undefined;
  reader?: ConfigFileReader;
}

export interface CheckConfigResult {
  output: string;
  ok: boolean;
  /** Per file, what was accepted but is ignored (e.g. `tracing`). */
  warnings: string[];
}

function describeFailure(e: unknown): string {
  if (e instanceof ConfigError) {
    const lines = e.errors.map(formatConfigIssue);
    return lines.length === 1 ? lines[0] : `${lines.length} errors:\n  ${lines.join('\n  ')}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function checkConfigFiles(paths: string[], options: CheckConfigOptions = {}): CheckConfigResult {
  let output = '';
  let ok = true;
  const warnings: string[] = [];
  for (const path of paths) {
    output += `Checking '${path}'`;
    let config;
    try {
      config = loadConfigFile(path, options.reader);
    } catch (e) {
      ok = false;
      output += `  FAILED: ${describeFailure(e)}\n\n`;
      continue;
    }
    warnings.push(...config.warnings.map((w) => `${path}: ${w}`));
    output += '  SUCCESS\nFound:\n';
    output += ' - global config\n - route\n';
    output += ` - ${config.inhibitRules.length} inhibit rules\n`;
    output += ` - ${config.receivers.length} receivers\n`;
    output += ` - ${config.templates.length} templates\n`;
    if (config.templates.length > 0 && options.checkTemplates) {
      const err = options.checkTemplates(config.templates);
      if (err === undefined) output += '  SUCCESS\n';
      else {
        ok = false;
        output += `  FAILED: ${err}\n`;
      }
    }
    output += '\n';
  }
  return { output, ok, warnings };
}
