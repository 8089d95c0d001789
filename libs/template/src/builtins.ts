// text/template's predefined functions.
import { eq, ge, gt, le, lt, ne } from './compare';
import type { FuncMap } from './func-def';
import { formatValue, sprint, sprintf, sprintln } from './go-fmt';
import { htmlEscapeString, jsEscapeString, queryEscape } from './text-escapers';
import { GoFunc, GoList, GoMap, GoValue, SafeString, goTypeName, isTrue } from './values';

/** What `{{ x }}` prints: nil is "<no value>", everything else as fmt's %v. */
export function printable(v: GoValue): string {
  if (v === null) return '<no value>';
  return formatValue(v);
}

/** The argument handling of html, js and urlquery: one string is used as is, else Sprint of printables. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

function indexArg(index: GoValue, size: number): number {
  if (index === null) throw new Error('cannot index slice/array with nil');
  if (typeof index !== 'bigint') throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  if (index < 0n || index > BigInt(size)) throw new Error(`index out of range: ${index}`);
  return Number(index);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null) throw new Error('index of untyped nil');
  for (const idx of indexes) {
    if (item instanceof SafeString) item = item.value;
    if (typeof item === 'string' || item instanceof GoList) {
      const bytes: Buffer | undefined = typeof item === "string" ? Buffer.from(item, "utf8") : undefined;
      const len: number = bytes ? bytes.length : (item as GoList).items.length;
      const x = indexArg(idx, len);
      if (x === len) throw new Error('reflect: slice index out of range');
      item = bytes ? BigInt(bytes[x]) : (item as GoList).items[x];
    } else if (item instanceof GoMap) {
      if (idx === null) throw new Error('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new Error(`value has type ${goTypeName(idx)}; should be string`);
      const v = item.get(idx);
      item = v === undefined ? item.elemZero : v;
    } else {
      throw new Error(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === null) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  if (item instanceof SafeString) item = item.value;
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    len = Buffer.byteLength(item, 'utf8');
  } else if (item instanceof GoList) len = item.items.length;
  else throw new Error(`can't slice item of type ${goTypeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return Buffer.from(item, 'utf8').subarray(idx[0], idx[1]).toString('utf8');
  return new GoList(item.items.slice(idx[0], idx[1]), item.goType);
}

function length(item: GoValue): GoValue {
  if (item === null) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return BigInt(Buffer.byteLength(item, 'utf8'));
  if (item instanceof SafeString) return BigInt(Buffer.byteLength(item.value, 'utf8'));
  if (item instanceof GoList) return BigInt(item.items.length);
  if (item instanceof GoMap) return BigInt(item.entries.size);
  throw new Error(`len of type ${goTypeName(item)}`);
}

function call(fn: GoValue, ...args: GoValue[]): GoValue {
  if (fn === null) throw new Error('call of nil');
  if (!(fn instanceof GoFunc)) throw new Error(`non-function of type ${goTypeName(fn)}`);
  const want = fn.params.length;
  if (fn.variadic ? args.length < want - 1 : args.length !== want) {
    throw new Error(`wrong number of args: got ${args.length} want ${want}`);
  }
  return fn.call(...args);
}

export const BUILTINS: FuncMap = {
  and: { params: ['value', 'value'], variadic: true, call: (...a) => a.find((x) => !isTrue(x)) ?? a[a.length - 1] },
  or: { params: ['value', 'value'], variadic: true, call: (...a) => a.find((x) => isTrue(x)) ?? a[a.length - 1] },
  not: { params: ['value'], call: (a) => !isTrue(a) },
  call: { params: ['value', 'value'], variadic: true, call },
  eq: { params: ['value', 'value'], variadic: true, call: (a, ...b) => eq(a, ...b) },
  ne: { params: ['value', 'value'], call: ne },
  lt: { params: ['value', 'value'], call: lt },
  le: { params: ['value', 'value'], call: le },
  gt: { params: ['value', 'value'], call: gt },
  ge: { params: ['value', 'value'], call: ge },
  html: { params: ['any'], variadic: true, call: (...a) => htmlEscapeString(evalArgs(a)) },
  js: { params: ['any'], variadic: true, call: (...a) => jsEscapeString(evalArgs(a)) },
  urlquery: { params: ['any'], variadic: true, call: (...a) => queryEscape(evalArgs(a)) },
  index: { params: ['value', 'value'], variadic: true, call: index },
  slice: { params: ['value', 'value'], variadic: true, call: slice },
  len: { params: ['value'], call: length },
  print: { params: ['any'], variadic: true, call: (...a) => sprint(a) },
  println: { params: ['any'], variadic: true, call: (...a) => sprintln(a) },
  printf: { params: ['string', 'any'], variadic: true, call: (f, ...a) => sprintf(f as string, a) },
};

export const BUILTIN_NAMES = new Set(Object.keys(BUILTINS));

