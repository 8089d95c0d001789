// Alertmanager's template data model (template.Data, Alert, KV, Pairs) as Go values, and its
// construction from alerts the way Alertmanager assembles it.
import { GoTime } from './go-time';
import { GoList, GoMap, GoMethod, GoStruct, GoValue, compareGoStrings, stringList } from './values';

export interface TemplateAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** A Date, or an RFC 3339 string to keep nanoseconds and the zone as Go would print them. */
  startsAt: Date | string;
  endsAt: Date | string;
  generatorURL: string;
  fingerprint: string;
}

/** The value templates see as `.`: Alertmanager's template.Data. */
export type TemplateData = GoStruct;

const PAIR_TYPE = 'template.Pair';

function pair(name: string, value: string): GoStruct {
  return new GoStruct(PAIR_TYPE, [['Name', name], ['Value', value]]);
}

/** template.Pairs: a list of Name/Value pairs with Names, Values and String. */
export class Pairs extends GoList {
  constructor(
    readonly pairs: Array<[string, string]>,
    private readonly withString = true,
  ) {
    super(pairs.map(([n, v]) => pair(n, v)), 'template.Pairs');
  }
  override method(name: string): GoMethod | undefined {
    if (name === 'String' && !this.withString) return undefined;
    switch (name) {
      case 'Names': return { params: [], call: () => stringList(this.pairs.map(([n]) => n)) };
      case 'Values': return { params: [], call: () => stringList(this.pairs.map(([, v]) => v)) };
      case 'String': return { params: [], call: () => this.pairs.map(([n, v]) => `${n}=${v}`).join(', ') };
    }
    return undefined;
  }
}

/** template.KV: labels or annotations, a map[string]string with sorting helpers. */
export class KV extends GoMap {
  /**
   * `withString: false` gives Alertmanager 0.25's KV, which had no String method (fmt then
   * prints it as a Go map); newer versions print "k=v, k2=v2".
   */
  constructor(
    record: Record<string, string> | Map<string, string>,
    private readonly withString = true,
  ) {
    const entries = record instanceof Map ? new Map<string, GoValue>(record) : new Map<string, GoValue>(Object.entries(record));
    super(entries, 'template.KV', '');
  }
  record(): Record<string, string> {
    return Object.fromEntries(this.entries) as Record<string, string>;
  }
  /** alertname first, then the other keys in byte order. */
  sortedPairs(): Pairs {
    const keys = [...this.entries.keys()];
    const hasName = keys.includes('alertname');
    const rest = keys.filter((k) => k !== 'alertname').sort(compareGoStrings);
    const ordered = hasName ? ['alertname', ...rest] : rest;
    return new Pairs(ordered.map((k) => [k, this.entries.get(k) as string]), this.withString);
  }
  override method(name: string): GoMethod | undefined {
    if (name === 'String' && !this.withString) return undefined;
    switch (name) {
      case 'SortedPairs': return { params: [], call: () => this.sortedPairs() };
      case 'Names': return { params: [], call: () => stringList(this.sortedPairs().pairs.map(([n]) => n)) };
      case 'Values': return { params: [], call: () => stringList(this.sortedPairs().pairs.map(([, v]) => v)) };
      case 'String': return { params: [], call: () => this.sortedPairs().pairs.map(([n, v]) => `${n}=${v}`).join(', ') };
      case 'Remove':
        return {
          params: ['[]string'],
          call: (keys) => {
            const drop = new Set((keys as GoList).items as string[]);
            return new KV(new Map([...this.entries].filter(([k]) => !drop.has(k)) as Array<[string, string]>), this.withString);
          },
        };
    }
    return undefined;
  }
}

const ALERT_TYPE = 'template.Alert';

/** template.Alerts: the alerts of a notification, with Firing and Resolved. */
export class Alerts extends GoList {
  constructor(items: GoStruct[], goType = 'template.Alerts') {
    super(items, goType);
  }
  private withStatus(status: string): GoList {
    return new GoList(this.items.filter((a) => (a as GoStruct).field('Status') === status), '[]template.Alert');
  }
  override method(name: string): GoMethod | undefined {
    if (name === 'Firing') return { params: [], call: () => this.withStatus('firing') };
    if (name === 'Resolved') return { params: [], call: () => this.withStatus('resolved') };
    return undefined;
  }
}

export interface AlertFields {
  status: string;
  labels: KV;
  annotations: KV;
  startsAt: GoTime;
  endsAt: GoTime;
  generatorURL: string;
  fingerprint: string;
}

export function alertValue(a: AlertFields): GoStruct {
  return new GoStruct(ALERT_TYPE, [
    ['Status', a.status],
    ['Labels', a.labels],
    ['Annotations', a.annotations],
    ['StartsAt', a.startsAt],
    ['EndsAt', a.endsAt],
    ['GeneratorURL', a.generatorURL],
    ['Fingerprint', a.fingerprint],
  ]);
}

export interface DataFields {
  receiver: string;
  status: string;
  alerts: GoStruct[];
  groupLabels: KV;
  commonLabels: KV;
  commonAnnotations: KV;
  externalURL: string;
  notificationReason?: string;
}

export function dataValue(d: DataFields): TemplateData {
  const fields: Array<[string, GoValue]> = [
    ['Receiver', d.receiver],
    ['Status', d.status],
    ['Alerts', new Alerts(d.alerts)],
  ];
  if (d.notificationReason !== undefined) fields.push(['NotificationReason', d.notificationReason]);
  fields.push(
    ['GroupLabels', d.groupLabels],
    ['CommonLabels', d.commonLabels],
    ['CommonAnnotations', d.commonAnnotations],
    ['ExternalURL', d.externalURL],
  );
  return new GoStruct('template.Data', fields);
}

/** regexp.QuoteMeta: escapes the characters that are special in RE2. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, (c) => '\\' + c);
}

function toGoTime(t: Date | string): GoTime {
  return typeof t === 'string' ? GoTime.parseRFC3339(t) : GoTime.fromDate(t);
}

function intersect(records: Array<Record<string, string>>): Record<string, string> {
  if (records.length === 0) return {};
  const common: Record<string, string> = { ...records[0] };
  for (const r of records.slice(1)) {
    for (const k of Object.keys(common)) if (r[k] !== common[k]) delete common[k];
  }
  return common;
}

/**
 * Builds the template data for one notification as Alertmanager does: Receiver escaped with
 * regexp.QuoteMeta, Status firing when any alert fires, Common* the label/annotation pairs all
 * alerts share, and EndsAt hidden (Go's zero time) for alerts still firing.
 */
export function buildTemplateData(input: {
  receiver: string;
  groupLabels: Record<string, string>;
  alerts: TemplateAlert[];
  externalURL: string;
  notificationReason?: string;
}): TemplateData {
  const alerts = input.alerts.map((a) =>
    alertValue({
      status: a.status,
      labels: new KV(a.labels),
      annotations: new KV(a.annotations),
      startsAt: toGoTime(a.startsAt),
      endsAt: a.status === 'firing' ? GoTime.zero() : toGoTime(a.endsAt),
      generatorURL: a.generatorURL,
      fingerprint: a.fingerprint,
    }),
  );
  return dataValue({
    receiver: quoteMeta(input.receiver),
    status: input.alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    alerts,
    groupLabels: new KV(input.groupLabels),
    commonLabels: new KV(intersect(input.alerts.map((a) => a.labels))),
    commonAnnotations: new KV(intersect(input.alerts.map((a) => a.annotations))),
    externalURL: input.externalURL,
    notificationReason: input.notificationReason,
  });
}
