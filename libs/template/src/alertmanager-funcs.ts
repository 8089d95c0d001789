// The functions Alertmanager adds to templates (its DefaultFuncs), newer ones included.
import type { FuncMap } from './func-def';
import { sprintf } from './go-fmt';
import { toJson } from './go-json';
import { matchString, replaceAllString } from './go-regexp';
import { goTitle, goToLower, goToUpper, goTrimSpace } from './go-strings';
import { formatGoTime, GoTime } from './go-time';
import { zoneAt } from './go-zone';
import { queryUnescape } from './text-escapers';
import { GoDuration, GoList, GoMap, GoValue, SafeString, goTypeName, stringList } from './values';

/** Seconds as a float, from the number or string kinds humanizeDuration accepts. */
function toSeconds(v: GoValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoDuration) return Number(v.nanos) / 1e9;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) || /^[+-]?(inf|infinity|nan)$/i.test(t)) {
      return /nan/i.test(t) ? NaN : /inf/i.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : Number(t);
    }
    throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
  }
  throw new Error(`can't convert ${goTypeName(v)} to float`);
}

export function humanizeDuration(input: GoValue): string {
  let v = toSeconds(input);
  if (Number.isNaN(v) || !Number.isFinite(v)) return sprintf('%.4g', [v]);
  if (v === 0) return sprintf('%.4gs', [v]);
  if (Math.abs(v) >= 1) {
    let sign = '';
    if (v < 0) {
      sign = '-';
      v = -v;
    }
    const total = BigInt(Math.trunc(v));
    const seconds = total % 60n;
    const minutes = (total / 60n) % 60n;
    const hours = (total / 3600n) % 24n;
    const days = total / 86400n;
    if (days !== 0n) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0n) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0n) return `${sign}${minutes}m ${seconds}s`;
    return sign + sprintf('%.4gs', [v]);
  }
  let prefix = '';
  for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return sprintf('%.4g', [v]) + prefix + 's';
}

function base64Decode(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  for (let i = 0; i < clean.length; i++) {
    if (!/[A-Za-z0-9+/=]/.test(clean[i])) throw new Error(`illegal base64 data at input byte ${i}`);
  }
  if (clean.length % 4 !== 0) throw new Error(`illegal base64 data at input byte ${clean.length - (clean.length % 4)}`);
  const pad = clean.indexOf('=');
  if (pad >= 0 && (pad < clean.length - 2 || !/^=*$/.test(clean.slice(pad)))) throw new Error(`illegal base64 data at input byte ${pad}`);
  return Buffer.from(clean, 'base64').toString('utf8');
}

export function alertmanagerFuncs(now: () => Date = () => new Date()): FuncMap {
  return {
    toUpper: { params: ['string'], call: (s) => goToUpper(s as string) },
    toLower: { params: ['string'], call: (s) => goToLower(s as string) },
    title: { params: ['string'], call: (s) => goTitle(s as string) },
    trimSpace: { params: ['string'], call: (s) => goTrimSpace(s as string) },
    join: { params: ['string', '[]string'], call: (sep, list) => ((list as GoList).items as string[]).join(sep as string) },
    match: { params: ['string', 'string'], call: (p, s) => matchString(p as string, s as string) },
    safeHtml: { params: ['string'], call: (s) => new SafeString('HTML', s as string) },
    safeUrl: { params: ['string'], call: (s) => new SafeString('URL', s as string) },
    urlUnescape: { params: ['string'], call: (s) => queryUnescape(s as string) },
    reReplaceAll: {
      params: ['string', 'string', 'string'],
      call: (p, r, t) => replaceAllString(p as string, r as string, t as string),
    },
    stringSlice: { params: ['string'], variadic: true, call: (...s) => stringList(s as string[]) },
    date: { params: ['string', 'time.Time'], call: (f, t) => formatGoTime(t as GoTime, f as string) },
    tz: {
      params: ['string', 'time.Time'],
      call: (name, t) => (t as GoTime).in(zoneAt(name as string, (t as GoTime).unixSeconds)),
    },
    since: {
      params: ['time.Time'],
      call: (t) => new GoDuration(BigInt(now().getTime()) * 1_000_000n - (t as GoTime).unixNanos()),
    },
    humanizeDuration: { params: ['any'], call: humanizeDuration },
    toJson: { params: ['any'], call: (v) => toJson(v) },
    now: { params: [], call: () => GoTime.fromDate(now()) },
    base64encode: { params: ['string'], call: (s) => Buffer.from(s as string, 'utf8').toString('base64') },
    base64decode: { params: ['string'], call: (s) => base64Decode(s as string) },
    list: { params: ['any'], variadic: true, call: (...items) => new GoList(items) },
    append: {
      params: ['value', 'any'],
      variadic: true,
      call: (list, ...items) => {
        if (list === null) return new GoList(items);
        if (!(list instanceof GoList)) throw new Error(`cannot append to type ${goTypeName(list)}`);
        return new GoList([...list.items, ...items], list.goType === '[]string' && items.every((i) => typeof i === 'string') ? '[]string' : '[]interface {}');
      },
    },
    dict: {
      params: ['any'],
      variadic: true,
      call: (...kv) => {
        if (kv.length % 2 !== 0) throw new Error('dict requires an even number of arguments');
        const m = new Map<string, GoValue>();
        for (let i = 0; i < kv.length; i += 2) {
          const k = kv[i];
          if (typeof k !== 'string') throw new Error(`dict keys must be strings, got ${goTypeName(k)}`);
          m.set(k, kv[i + 1]);
        }
        return new GoMap(m);
      },
    },
  };
}
