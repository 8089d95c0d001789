// Typed, strict access to a parsed YAML node that knows its path and line, in the manner of Go's
// yaml.UnmarshalStrict: unknown keys and type mismatches are recorded as issues (never thrown), and
// the offending value reads as absent.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Scalar } from 'yaml';
import type { ConfigIssue } from '../config-error';

export class IssueList {
  readonly issues: ConfigIssue[] = [];

  add(at: { path: string; line?: number }, message: string): void {
    this.issues.push({ path: at.path, line: at.line, message });
  }
}

export interface YamlContext {
  doc: Document;
  lines: LineCounter;
  issues: IssueList;
}

export class YamlValue {
  constructor(
    readonly node: Node | null | undefined,
    readonly path: string,
    readonly line: number | undefined,
    readonly ctx: YamlContext,
  ) {}

  static of(node: unknown, path: string, ctx: YamlContext, fallbackLine?: number): YamlValue {
    let n = node as Node | null | undefined;
    if (isAlias(n)) n = (n as Alias).resolve(ctx.doc) as Node | undefined;
    const line = n && n.range ? ctx.lines.linePos(n.range[0]).line : fallbackLine;
    return new YamlValue(n, path, line, ctx);
  }

  /** Absent, or an explicit null (`key:` / `key: ~`). */
  get isNull(): boolean {
    return this.node == null || (isScalar(this.node) && this.node.value === null);
  }

  error(message: string): void {
    this.ctx.issues.add(this, message);
  }

  child(node: unknown, path: string): YamlValue {
    return YamlValue.of(node, path, this.ctx, this.line);
  }

  private kind(): string {
    if (isMap(this.node)) return '!!map';
    if (isSeq(this.node)) return '!!seq';
    const v = (this.node as Scalar).value;
    if (typeof v === 'number') return Number.isInteger(v) ? '!!int' : '!!float';
    if (typeof v === 'boolean') return '!!bool';
    return '!!str';
  }

  private mismatch(goType: string): undefined {
    const text = isScalar(this.node) ? ` \`${truncate(this.scalarText() ?? '')}\`` : '';
    this.error(`cannot unmarshal ${this.kind()}${text} into ${goType}`);
    return undefined;
  }

  /** The scalar's text as written (Go decodes any scalar into a string field). */
  private scalarText(): string | undefined {
    if (!isScalar(this.node)) return undefined;
    const s = this.node as Scalar;
    if (typeof s.value === 'string') return s.value;
    const token = s.srcToken as { type?: string; source?: string } | undefined;
    if (token && token.type === 'scalar' && typeof token.source === 'string') return token.source;
    return String(s.value);
  }

  asString(): string | undefined {
    if (this.isNull) return undefined;
    if (!isScalar(this.node)) return this.mismatch('string');
    return this.scalarText();
  }

  asBool(): boolean | undefined {
    if (this.isNull) return undefined;
    const v = isScalar(this.node) ? (this.node as Scalar).value : undefined;
    if (typeof v === 'boolean') return v;
    return this.mismatch('bool');
  }

  asInt(): number | undefined {
    if (this.isNull) return undefined;
    const v = isScalar(this.node) ? (this.node as Scalar).value : undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    return this.mismatch('int');
  }

  asFloat(): number | undefined {
    if (this.isNull) return undefined;
    const v = isScalar(this.node) ? (this.node as Scalar).value : undefined;
    if (typeof v === 'number') return v;
    return this.mismatch('float64');
  }

  /** Items of a sequence; an absent value is an empty list. Null items are kept (as null values). */
  asList(goType = '[]interface {}'): YamlValue[] {
    if (this.isNull) return [];
    if (!isSeq(this.node)) {
      this.mismatch(goType);
      return [];
    }
    return this.node.items.map((item, i) => this.child(item, `${this.path}[${i}]`));
  }

  /** A sequence (or absent): what a list field can be read from. */
  get isListOrAbsent(): boolean {
    return this.isNull || isSeq(this.node);
  }

  asStringList(goType = '[]string'): string[] | undefined {
    if (this.isNull) return undefined;
    if (!isSeq(this.node)) return this.mismatch(goType);
    const out: string[] = [];
    for (const item of this.asList()) {
      const s = item.asString();
      if (s !== undefined) out.push(s);
      else if (item.isNull) out.push('');
    }
    return out;
  }

  asStringMap(): Record<string, string> | undefined {
    if (this.isNull) return undefined;
    if (!isMap(this.node)) return this.mismatch('map[string]string');
    const out: Record<string, string> = {};
    for (const [key, value] of this.entries()) {
      out[key] = value.asString() ?? '';
    }
    return out;
  }

  /** Key/value pairs of a mapping, in document order. */
  entries(duplicateMessage = (key: string) => `key ${JSON.stringify(key)} already set in map`): [string, YamlValue][] {
    if (!isMap(this.node)) return [];
    const out: [string, YamlValue][] = [];
    const seen = new Set<string>();
    const merged: YamlValue[] = [];
    for (const pair of this.node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        merged.push(...mergeSources(YamlValue.of(pair.value, this.path, this.ctx, this.line)));
        continue;
      }
      const keyNode = YamlValue.of(pair.key, this.path, this.ctx, this.line);
      const key = keyNode.asString() ?? '';
      const value = YamlValue.of(pair.value, joinPath(this.path, key), this.ctx, keyNode.line);
      if (seen.has(key)) {
        this.ctx.issues.add({ path: value.path, line: keyNode.line }, duplicateMessage(key));
        continue;
      }
      seen.add(key);
      out.push([key, value]);
    }
    // `<<: *anchor` (or a list of anchors, earlier ones first): keys written here win.
    for (const source of merged) {
      for (const [key, value] of new YamlValue(source.node, this.path, source.line, this.ctx).entries(duplicateMessage)) {
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([key, value]);
      }
    }
    return out;
  }

  /**
   * A mapping whose keys must be among `known` (Go struct fields); every other key is reported as
   * `field X not found in type <goType>`. Returns undefined (after reporting) for a non-mapping.
   */
  asStruct(goType: string, known: readonly string[]): YamlStruct | undefined {
    if (this.isNull) return undefined;
    if (!isMap(this.node)) return this.mismatch(goType);
    const fields = new Map<string, YamlValue>();
    for (const [key, value] of this.entries((k) => `field ${k} already set in type ${goType}`)) {
      if (!known.includes(key)) {
        this.ctx.issues.add({ path: value.path, line: keyLine(this, key) }, `field ${key} not found in type ${goType}`);
        continue;
      }
      fields.set(key, value);
    }
    return new YamlStruct(this, fields);
  }
}

export class YamlStruct {
  constructor(
    readonly value: YamlValue,
    private readonly fields: Map<string, YamlValue>,
  ) {}

  has(key: string): boolean {
    const v = this.fields.get(key);
    return v !== undefined && !v.isNull;
  }

  get(key: string): YamlValue {
    return this.fields.get(key) ?? new YamlValue(undefined, joinPath(this.value.path, key), this.value.line, this.value.ctx);
  }

  get path(): string {
    return this.value.path;
  }

  get line(): number | undefined {
    return this.value.line;
  }

  /** Reports at this mapping's place. */
  error(message: string): void {
    this.value.error(message);
  }
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key as Scalar).type !== 'PLAIN') return false;
  const value = (key as Scalar).value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/** The mappings a merge key points to; anything else is reported as Go's yaml does. */
function mergeSources(v: YamlValue): YamlValue[] {
  if (isMap(v.node)) return [v];
  if (isSeq(v.node)) {
    const maps = v.asList().filter((item) => isMap(item.node));
    if (maps.length === v.node.items.length) return maps;
  }
  v.error('yaml: map merge requires map or sequence of maps as the value');
  return [];
}

function keyLine(map: YamlValue, key: string): number | undefined {
  if (!isMap(map.node)) return map.line;
  for (const pair of map.node.items) {
    const k = pair.key as Node | null;
    if (isScalar(k) && String((k as Scalar).value) === key && k.range) return map.ctx.lines.linePos(k.range[0]).line;
  }
  return map.line;
}

export function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

function truncate(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
