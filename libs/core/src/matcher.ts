// A single label matcher (name, operator, value) with Alertmanager's matching and printing rules.
import { compileAnchoredRegex, AnchoredRegex } from './regex';
import { isMatcherReserved } from './go-chars';
import { goQuote } from './go-quote';
import type { LabelSet } from './labels';
import { compareUtf8 } from './utf8';

export type MatchType = '=' | '!=' | '=~' | '!~';

export const MATCH_TYPES: readonly MatchType[] = ['=', '!=', '=~', '!~'];

/** A matcher as the v2 API carries it (silences, `alertmanagerStatus`). */
export interface ApiMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export class Matcher {
  private constructor(
    readonly name: string,
    readonly type: MatchType,
    readonly value: string,
    private readonly regex: AnchoredRegex | undefined,
  ) {}

  /** Builds a matcher; for `=~`/`!~` compiles `^(?:value)$` and throws Go's regexp error. */
  static create(type: MatchType, name: string, value: string): Matcher {
    if (!MATCH_TYPES.includes(type)) throw new Error(`unknown match type ${JSON.stringify(type)}`);
    const regex = type === '=~' || type === '!~' ? compileAnchoredRegex(value) : undefined;
    return new Matcher(name, type, value, regex);
  }

  /** From the API shape; `isEqual` defaults to true as in Alertmanager. */
  static fromApi(m: { name: string; value: string; isRegex: boolean; isEqual?: boolean }): Matcher {
    const equal = m.isEqual ?? true;
    const type: MatchType = m.isRegex ? (equal ? '=~' : '!~') : equal ? '=' : '!=';
    return Matcher.create(type, m.name, m.value);
  }

  /** The API shape; also what JSON.stringify produces. */
  toJSON(): ApiMatcher {
    return { name: this.name, value: this.value, isRegex: this.isRegex, isEqual: this.isEqual };
  }

  get isRegex(): boolean {
    return this.type === '=~' || this.type === '!~';
  }

  /** True for `=` and `=~` (the API's `isEqual`). */
  get isEqual(): boolean {
    return this.type === '=' || this.type === '=~';
  }

  matches(value: string): boolean {
    switch (this.type) {
      case '=':
        return value === this.value;
      case '!=':
        return value !== this.value;
      case '=~':
        return (this.regex as AnchoredRegex).test(value);
      case '!~':
        return !(this.regex as AnchoredRegex).test(value);
    }
  }

  equals(other: Matcher): boolean {
    return this.name === other.name && this.type === other.type && this.value === other.value;
  }

  /**
   * Alertmanager's `Matcher.String()`: `name="value"` with OpenMetrics escaping, or both parts
   * Go-quoted when the name holds a character the classic syntax cannot express unquoted.
   */
  toString(): string {
    if (hasReservedCharacter(this.name)) return goQuote(this.name) + this.type + goQuote(this.value);
    return `${this.name}${this.type}"${openMetricsEscape(this.value)}"`;
  }
}

function hasReservedCharacter(s: string): boolean {
  for (const ch of s) if (isMatcherReserved(ch.codePointAt(0) as number)) return true;
  return false;
}

function openMetricsEscape(s: string): string {
  return s.replace(/[\\\n"]/g, (c) => (c === '\n' ? '\\n' : '\\' + c));
}

/** `{a="b",c=~"d"}`: matchers in the given order, comma separated, no spaces. */
export function matchersToString(ms: readonly Matcher[]): string {
  return '{' + ms.map((m) => m.toString()).join(',') + '}';
}

/** True when every matcher matches; a missing label counts as the empty string. */
export function matchesLabels(ms: readonly Matcher[], labels: LabelSet): boolean {
  for (const m of ms) {
    const v = Object.prototype.hasOwnProperty.call(labels, m.name) ? labels[m.name] : '';
    if (!m.matches(v)) return false;
  }
  return true;
}

/** Alertmanager's `Matchers.Less`: by name, then value (UTF-8 byte order), then `= != =~ !~`. */
export function compareMatchers(a: Matcher, b: Matcher): number {
  return (
    compareUtf8(a.name, b.name) ||
    compareUtf8(a.value, b.value) ||
    MATCH_TYPES.indexOf(a.type) - MATCH_TYPES.indexOf(b.type)
  );
}

/** A sorted copy (route and inhibit-rule matchers are kept sorted by Alertmanager). */
export function sortMatchers(ms: readonly Matcher[]): Matcher[] {
  return [...ms].sort(compareMatchers);
}
