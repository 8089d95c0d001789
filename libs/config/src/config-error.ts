// One error in a config file, and the exception that lists all of them.
export interface ConfigIssue {
  /** Where in the document, e.g. `route.routes[2].group_by`; '' for the whole file. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
}

export function formatConfigIssue(issue: ConfigIssue): string {
  const place = [issue.line !== undefined ? `line ${issue.line}` : '', issue.path].filter((p) => p !== '').join(': ');
  return place === '' ? issue.message : `${place}: ${issue.message}`;
}

export class ConfigError extends Error {
  readonly errors: ConfigIssue[];

  constructor(errors: ConfigIssue[], file?: string) {
    const lines = errors.map(formatConfigIssue);
    super(`${file !== undefined ? `${file}: ` : ''}${lines.length === 1 ? lines[0] : `${lines.length} errors:\n  ${lines.join('\n  ')}`}`);
    this.name = 'ConfigError';
    this.errors = errors;
  }
}
