/** Prometheus metric families: counters, gauges and histograms with labels. Pure. */
export type Labels = Record<string, string>;
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  /** The sample lines of this family, without HELP/TYPE. */
  samples(): string[];
}

const key = (labelNames: readonly string[], labels: Labels) => labelNames.map((n) => labels[n] ?? '').join('\u0000');

export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return '{' + entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',') + '}';
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

abstract class LabelledFamily<S> implements MetricFamily {
  protected readonly series = new Map<string, { labels: Labels; state: S }>();
  abstract readonly type: MetricType;

  constructor(readonly name: string, readonly help: string, protected readonly labelNames: readonly string[] = []) {}

  protected seriesFor(labels: Labels): S {
    for (const name of Object.keys(labels)) {
      if (!this.labelNames.includes(name)) throw new Error(`metric ${this.name} has no label ${name}`);
    }
    const k = key(this.labelNames, labels);
    let entry = this.series.get(k);
    if (!entry) {
      const ordered: Labels = {};
      for (const n of this.labelNames) ordered[n] = labels[n] ?? '';
      entry = { labels: ordered, state: this.initial() };
      this.series.set(k, entry);
    }
    return entry.state;
  }

  protected abstract initial(): S;
  abstract samples(): string[];
}

export class Counter extends LabelledFamily<{ value: number }> {
  readonly type = 'counter' as const;
  protected initial() {
    return { value: 0 };
  }
  inc(labels: Labels = {}, by = 1): void {
    if (by < 0) throw new Error(`counter ${this.name} cannot decrease`);
    this.seriesFor(labels).value += by;
  }
  /** Makes a series visible at 0 before anything happened (as client_golang's WithLabelValues). */
  touch(labels: Labels = {}): void {
    this.seriesFor(labels);
  }
  get(labels: Labels = {}): number {
    return this.seriesFor(labels).value;
  }
  samples(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${formatLabels(s.labels)} ${formatNumber(s.state.value)}`);
  }
}

export class Gauge extends LabelledFamily<{ value: number }> {
  readonly type = 'gauge' as const;
  protected initial() {
    return { value: 0 };
  }
  set(labels: Labels, value: number): void {
    this.seriesFor(labels).value = value;
  }
  inc(labels: Labels = {}, by = 1): void {
    this.seriesFor(labels).value += by;
  }
  dec(labels: Labels = {}, by = 1): void {
    this.seriesFor(labels).value -= by;
  }
  get(labels: Labels = {}): number {
    return this.seriesFor(labels).value;
  }
  clear(): void {
    this.series.clear();
  }
  samples(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${formatLabels(s.labels)} ${formatNumber(s.state.value)}`);
  }
}

export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Histogram extends LabelledFamily<{ counts: number[]; sum: number; count: number }> {
  readonly type = 'histogram' as const;
  constructor(name: string, help: string, labelNames: readonly string[] = [], readonly buckets: readonly number[] = DEFAULT_BUCKETS) {
    super(name, help, labelNames);
  }
  protected initial() {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }
  observe(labels: Labels, value: number): void {
    const s = this.seriesFor(labels);
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]++;
    });
    s.sum += value;
    s.count++;
  }
  samples(): string[] {
    const lines: string[] = [];
    for (const { labels, state } of this.series.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${formatLabels({ ...labels, le: formatNumber(b) })} ${state.counts[i]}`));
      lines.push(`${this.name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${state.count}`);
      lines.push(`${this.name}_sum${formatLabels(labels)} ${formatNumber(state.sum)}`);
      lines.push(`${this.name}_count${formatLabels(labels)} ${state.count}`);
    }
    return lines;
  }
}
