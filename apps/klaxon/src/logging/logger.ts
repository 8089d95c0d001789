import { formatLogLine, LOG_LEVEL_ORDER, LogFields, LogFormat, LogLevel } from './log-line';

/** Writes structured log lines to stderr, as Alertmanager does. */
export class Logger {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly format: LogFormat = 'logfmt',
    private readonly base: LogFields = {},
    private readonly sink: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  ) {}

  /** A logger whose lines all carry `fields` (for example `component`). */
  with(fields: LogFields): Logger {
    return new Logger(this.level, this.format, { ...this.base, ...fields }, this.sink);
  }

  debug(msg: string, fields: LogFields = {}): void { this.log('debug', msg, fields); }
  info(msg: string, fields: LogFields = {}): void { this.log('info', msg, fields); }
  warn(msg: string, fields: LogFields = {}): void { this.log('warn', msg, fields); }
  error(msg: string, fields: LogFields = {}): void { this.log('error', msg, fields); }

  isEnabled(level: LogLevel): boolean {
    return LOG_LEVEL_ORDER[level] >= LOG_LEVEL_ORDER[this.level];
  }

  private log(level: LogLevel, msg: string, fields: LogFields): void {
    if (!this.isEnabled(level)) return;
    this.sink(formatLogLine(this.format, new Date(), level, msg, { ...this.base, ...fields }));
  }
}
