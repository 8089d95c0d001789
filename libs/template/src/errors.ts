// Errors raised while parsing and executing templates, with Go's message formats.

/** A template failed to parse: `template: NAME:LINE: message`, plus the column (1-based). */
export class TemplateParseError extends Error {
  constructor(
    readonly template: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`template: ${template}:${line}: ${detail}`);
    this.name = 'TemplateParseError';
  }
}

/** A template failed while executing: `template: NAME:LINE:COL: executing "NAME" at <node>: message`. */
export class TemplateExecError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'TemplateExecError';
  }
}

/** Execution exceeded one of its bounds (depth, output size, time). */
export class TemplateLimitError extends TemplateExecError {
  constructor(message: string, detail: string, readonly limit: 'depth' | 'output' | 'time') {
    super(message, detail);
    this.name = 'TemplateLimitError';
  }
}
