// Alerts and silences described in seconds relative to a test's base time (Alertmanager's
// `Alert("alertname","x").Active(1, 2)` and `Silence(2.5, 4.5).Match(...)`).

export type LabelPairs = Record<string, string>;

export class AlertSpec {
  readonly annotations: LabelPairs = {};
  start?: number;
  end?: number;

  constructor(readonly labels: LabelPairs) {}

  /** startsAt = base + start s; endsAt = base + end s (unset when omitted). */
  active(start: number, end?: number): AlertSpec {
    this.start = start;
    this.end = end;
    return this;
  }

  annotate(name: string, value: string): AlertSpec {
    this.annotations[name] = value;
    return this;
  }

  /** The POST /api/v2/alerts item. */
  postable(base: number): Record<string, unknown> {
    return {
      labels: this.labels,
      annotations: this.annotations,
      ...(this.start !== undefined ? { startsAt: isoAt(base, this.start) } : {}),
      ...(this.end !== undefined ? { endsAt: isoAt(base, this.end) } : {}),
    };
  }

  toString(): string {
    return `${JSON.stringify(this.labels)}${Object.keys(this.annotations).length ? ` ${JSON.stringify(this.annotations)}` : ''} [${this.start ?? '?'}, ${this.end ?? '∞'}]`;
  }
}

/** `alert('alertname', 'test', 'job', 'x')`: label names and values, alternating. */
export function alert(...pairs: string[]): AlertSpec {
  const labels: LabelPairs = {};
  for (let i = 0; i < pairs.length; i += 2) labels[pairs[i]] = pairs[i + 1];
  return new AlertSpec(labels);
}

export class SilenceSpec {
  readonly matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[] = [];
  /** Set once the silence has been created. */
  id?: string;

  constructor(readonly start: number, readonly end: number) {}

  match(name: string, value: string): SilenceSpec {
    this.matchers.push({ name, value, isRegex: false, isEqual: true });
    return this;
  }

  matchRE(name: string, value: string): SilenceSpec {
    this.matchers.push({ name, value, isRegex: true, isEqual: true });
    return this;
  }

  postable(base: number): Record<string, unknown> {
    return { matchers: this.matchers, startsAt: isoAt(base, this.start), endsAt: isoAt(base, this.end), createdBy: 'acceptance', comment: 'acceptance test' };
  }
}

export function silence(start: number, end: number): SilenceSpec {
  return new SilenceSpec(start, end);
}

function isoAt(base: number, seconds: number): string {
  return new Date(base + Math.round(seconds * 1000)).toISOString();
}
