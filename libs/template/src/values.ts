// The Go value model the template engine works on. Go templates are dynamically typed over Go's
// static types; we keep just enough of those types to reproduce Go's printing, truthiness,
// comparison rules and error messages:
//   string -> JS string, int -> bigint, float64 -> number, bool -> boolean, nil -> null,
//   time.Time -> GoTime, time.Duration -> GoDuration, maps -> GoMap, slices -> GoList,
//   structs -> GoStruct, functions -> GoFunc, html/template's typed strings -> SafeString.
import type { GoTime } from './go-time';

export type GoValue =
  | null
  | string
  | boolean
  | bigint
  | number
  | GoTime
  | GoDuration
  | GoMap
  | GoList
  | GoStruct
  | GoFunc
  | SafeString;

/** A method callable from a template: `.Labels.SortedPairs`, `.CommonLabels.Remove .GroupLabels.Names`. */
export interface GoMethod {
  params: ParamType[];
  variadic?: boolean;
  call: (...args: GoValue[]) => GoValue;
}

/** Declared parameter types of functions and methods, checked like Go's reflection does. */
export type ParamType = 'any' | 'string' | 'int' | 'float64' | 'bool' | 'time.Time' | '[]string' | '[]any' | 'map[string]any' | 'value';

export interface GoObject {
  readonly goType: string;
  method(name: string): GoMethod | undefined;
}

/** A Go map with string keys. Missing keys evaluate to the zero value of `elemType`. */
export class GoMap implements GoObject {
  constructor(
    readonly entries: Map<string, GoValue>,
    readonly goType: string = 'map[string]interface {}',
    readonly elemZero: GoValue = null,
  ) {}
  get(key: string): GoValue | undefined {
    return this.entries.get(key);
  }
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareGoStrings);
  }
  method(_name: string): GoMethod | undefined {
    return undefined;
  }
}

/** A Go slice. `goType` is its Go type name, for errors; methods come from subclasses. */
export class GoList implements GoObject {
  constructor(
    readonly items: GoValue[],
    readonly goType: string = '[]interface {}',
  ) {}
  method(_name: string): GoMethod | undefined {
    return undefined;
  }
}

/** A Go struct: ordered fields (printed in order by %v), plus optional methods. */
export class GoStruct implements GoObject {
  constructor(
    readonly goType: string,
    readonly fields: Array<[string, GoValue]>,
    readonly methods: Record<string, GoMethod> = {},
  ) {}
  field(name: string): GoValue | undefined {
    const f = this.fields.find(([n]) => n === name);
    return f ? f[1] : undefined;
  }
  method(name: string): GoMethod | undefined {
    return Object.prototype.hasOwnProperty.call(this.methods, name) ? this.methods[name] : undefined;
  }
}

/** A function value (the result of `call`-able fields, or functions stored in data). */
export class GoFunc {
  readonly goType = 'func';
  constructor(
    readonly name: string,
    readonly params: ParamType[],
    readonly call: (...args: GoValue[]) => GoValue,
    readonly variadic = false,
  ) {}
}

/** time.Duration: a count of nanoseconds. */
export class GoDuration {
  readonly goType = 'time.Duration';
  constructor(readonly nanos: bigint) {}
  method(name: string): GoMethod | undefined {
    const n = Number(this.nanos);
    switch (name) {
      case 'Hours': return { params: [], call: () => n / 3.6e12 };
      case 'Minutes': return { params: [], call: () => n / 6e10 };
      case 'Seconds': return { params: [], call: () => n / 1e9 };
      case 'Milliseconds': return { params: [], call: () => this.nanos / 1_000_000n };
      case 'Nanoseconds': return { params: [], call: () => this.nanos };
    }
    return undefined;
  }
}

/** html/template's typed strings (template.HTML, template.URL): trusted content, not escaped in their context. */
export class SafeString {
  constructor(
    readonly kind: 'HTML' | 'URL' | 'JS' | 'CSS' | 'HTMLAttr',
    readonly value: string,
  ) {}
  get goType(): string {
    return `template.${this.kind}`;
  }
}

/** Go compares strings by their UTF-8 bytes; JS compares UTF-16 code units. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ab, bb);
}

export function goTypeName(v: GoValue | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
  }
  return (v as { goType: string }).goType;
}

/** Go's template truth: zero values (false, 0, "", nil, empty maps and slices) are false. */
export function isTrue(v: GoValue): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoList) return v.items.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  if (v instanceof SafeString) return v.value.length > 0;
  if (v instanceof GoDuration) return v.nanos !== 0n;
  return true;
}

export function stringList(items: string[]): GoList {
  return new GoList(items, '[]string');
}
