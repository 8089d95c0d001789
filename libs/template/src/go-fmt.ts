// Go's fmt package as templates reach it: print, println, printf and the %v rendering of values.
import { formatDuration, GoTime } from './go-time';
import { formatFloatE, formatFloatF, formatFloatG, formatFloatHex } from './go-float';
import { quoteGo } from './go-quote';
import { GoDuration, GoFunc, GoList, GoMap, GoStruct, GoValue, SafeString, goTypeName } from './values';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

const NO_FLAGS: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };

function isStringKind(v: GoValue): boolean {
  return typeof v === 'string' || v instanceof SafeString;
}

/** fmt.Sprint: operands are separated by a space when neither side is a string. */
export function sprint(args: GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isStringKind(a) && !isStringKind(args[i - 1])) out += ' ';
    out += formatV(a, NO_FLAGS, 0);
  });
  return out;
}

/** fmt.Sprintln: always a space between operands, and a final newline. */
export function sprintln(args: GoValue[]): string {
  return args.map((a) => formatV(a, NO_FLAGS, 0)).join(' ') + '\n';
}

/** %v of one value (what templates print for `{{ x }}` once nil and Stringers are handled). */
export function formatValue(v: GoValue): string {
  return formatV(v, NO_FLAGS, 0);
}

function padTo(s: string, spec: Spec, zeroAllowed = false): string {
  if (spec.width === undefined) return s;
  const len = [...s].length;
  if (len >= spec.width) return s;
  const n = spec.width - len;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && zeroAllowed) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

/** fmt calls String() on values that have it (template.KV, template.Pairs). */
function stringer(v: GoValue): string | undefined {
  if (v === null || typeof v !== 'object' || !('method' in v)) return undefined;
  const m = (v as { method(n: string): { params: unknown[]; call: () => GoValue } | undefined }).method('String');
  if (!m || m.params.length !== 0) return undefined;
  return m.call() as string;
}

function formatV(v: GoValue, spec: Spec, depth: number): string {
  const str = stringer(v);
  if (str !== undefined) return formatV(str, spec, depth);
  if (v === null) return depth === 0 ? padTo('<nil>', spec) : '<nil>';
  if (typeof v === 'string') return padTo(spec.prec !== undefined ? [...v].slice(0, spec.prec).join('') : v, spec);
  if (v instanceof SafeString) return formatV(v.value, spec, depth);
  if (typeof v === 'boolean') return padTo(String(v), spec);
  if (typeof v === 'bigint') return formatInt(v, 'd', spec);
  if (typeof v === 'number') return formatFloat(v, 'g', { ...spec, prec: spec.prec ?? -1 });
  if (v instanceof GoTime) return padTo(v.toString(), spec);
  if (v instanceof GoDuration) return padTo(formatDuration(v), spec);
  return padTo(formatComposite(v, 'v', spec, depth), spec);
}

function formatComposite(v: GoValue, verb: string, spec: Spec, depth: number): string {
  const inner = { ...spec, width: undefined };
  const el = (x: GoValue) => (verb === 'v' ? formatV(x, inner, depth + 1) : formatVerb(x, verb, inner, depth + 1));
  if (v instanceof GoList) return '[' + v.items.map(el).join(' ') + ']';
  if (v instanceof GoMap) return 'map[' + v.sortedKeys().map((k) => `${el(k)}:${el(v.get(k) ?? null)}`).join(' ') + ']';
  if (v instanceof GoStruct) {
    return '{' + v.fields.map(([name, f]) => (spec.plus && verb === 'v' ? `${name}:` : '') + el(f)).join(' ') + '}';
  }
  if (v instanceof GoFunc) return '0xc000000000';
  return String(v);
}

function formatInt(n: bigint, verb: string, spec: Spec): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let digits: string;
  switch (verb) {
    case 'x': digits = abs.toString(16); break;
    case 'X': digits = abs.toString(16).toUpperCase(); break;
    case 'o': case 'O': digits = abs.toString(8); break;
    case 'b': digits = abs.toString(2); break;
    default: digits = abs.toString(10);
  }
  if (spec.prec !== undefined) {
    if (spec.prec === 0 && abs === 0n) digits = '';
    digits = digits.padStart(spec.prec, '0');
  }
  let prefix = '';
  if (spec.sharp) {
    if (verb === 'x') prefix = '0x';
    else if (verb === 'X') prefix = '0X';
    else if (verb === 'o' && !digits.startsWith('0')) prefix = '0';
    else if (verb === 'b') prefix = '0b';
  }
  if (verb === 'O') prefix = '0o';
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  let body = prefix + digits;
  if (spec.zero && !spec.minus && spec.width !== undefined && spec.prec === undefined) {
    const n2 = spec.width - sign.length - body.length;
    if (n2 > 0) body = prefix + '0'.repeat(n2) + digits;
  }
  return padTo(sign + body, spec);
}

function formatFloat(x: number, verb: string, spec: Spec): string {
  let s: string;
  switch (verb) {
    case 'e': case 'E': s = formatFloatE(x, spec.prec ?? 6, verb === 'E'); break;
    case 'f': case 'F': s = formatFloatF(x, spec.prec ?? 6); break;
    case 'g': case 'G': s = formatFloatG(x, spec.prec ?? -1, verb === 'G'); break;
    default: s = formatFloatG(x, -1);
  }
  if (spec.plus && !s.startsWith('-') && !s.startsWith('+')) s = '+' + s;
  else if (spec.space && !s.startsWith('-') && !s.startsWith('+')) s = ' ' + s;
  if (s === '+Inf' && !spec.plus) s = spec.space ? ' Inf' : '+Inf';
  return padTo(s, spec, Number.isFinite(x));
}

function badVerb(v: GoValue, verb: string): string {
  if (v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(v)}=${formatValue(v)})`;
}

function formatString(s: string, verb: string, spec: Spec): string | undefined {
  switch (verb) {
    case 'v': case 's':
      return formatV(s, spec, 0);
    case 'q':
      return padTo(spec.sharp && !s.includes('`') ? '`' + s + '`' : quoteGo(spec.prec !== undefined ? [...s].slice(0, spec.prec).join('') : s, '"', spec.plus), spec);
    case 'x': case 'X': {
      let hex = Buffer.from(s, 'utf8').toString('hex');
      if (verb === 'X') hex = hex.toUpperCase();
      return padTo(hex, spec);
    }
  }
  return undefined;
}

/** Formats one operand for one verb, or returns Go's %!verb(type=value) for a mismatch. */
function formatVerb(v: GoValue, verb: string, spec: Spec, depth: number): string {
  if (verb === 'T') return padTo(goTypeName(v), spec);
  if (verb === 'v') return formatV(v, spec, depth);
  if (v === null) return badVerb(v, verb);
  if (v instanceof SafeString) v = v.value;
  const str = 'sqxX'.includes(verb) ? stringer(v) : undefined;
  if (str !== undefined) return formatString(str, verb, spec)!;
  if (v instanceof GoTime || v instanceof GoDuration) {
    if (verb === 's' || verb === 'q') {
      const str = v instanceof GoTime ? v.toString() : formatDuration(v);
      return formatString(str, verb, spec)!;
    }
    if (v instanceof GoDuration && 'dxXob'.includes(verb)) return formatInt(v.nanos, verb, spec);
    return badVerb(v, verb);
  }
  if (typeof v === 'string') return formatString(v, verb, spec) ?? badVerb(v, verb);
  if (typeof v === 'boolean') return verb === 't' ? padTo(String(v), spec) : badVerb(v, verb);
  if (typeof v === 'bigint') {
    if ('dxXobO'.includes(verb)) return formatInt(v, verb, spec);
    if (verb === 'c') return padTo(String.fromCodePoint(Number(v)), spec);
    if (verb === 'q') return padTo(quoteGo(String.fromCodePoint(Number(v)), "'"), spec);
    if (verb === 'U') return padTo('U+' + v.toString(16).toUpperCase().padStart(4, '0'), spec);
    return badVerb(v, verb);
  }
  if (typeof v === 'number') {
    if ('eEfFgG'.includes(verb)) return formatFloat(v, verb, spec);
    if (verb === 'x' || verb === 'X') return padTo(formatFloatHex(v, spec.prec, verb === 'X'), spec);
    return badVerb(v, verb);
  }
  if (v instanceof GoList || v instanceof GoMap || v instanceof GoStruct) return padTo(formatComposite(v, verb, spec, depth), spec);
  return badVerb(v, verb);
}

/** fmt.Sprintf with Go's verbs, flags, widths, precisions, explicit `*` and error annotations. */
export function sprintf(format: string, args: GoValue[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') { spec.minus = true; spec.zero = false; }
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = !spec.minus;
      else break;
    }
    // Like Go's parsenum: a number that grows past 1e6 swallows the rest of the format.
    const readNum = (): number | undefined => {
      let num = 0;
      let digits = 0;
      while (i < format.length && format[i] >= '0' && format[i] <= '9') {
        if (num > 1e6) {
          i = format.length;
          return undefined;
        }
        num = num * 10 + Number(format[i]);
        digits++;
        i++;
      }
      return digits > 0 ? num : undefined;
    };
    if (format[i] === '*') {
      i++;
      const w = args[argi++];
      if (typeof w === 'bigint' && w <= 1_000_000n && w >= -1_000_000n) {
        spec.width = Number(w);
        if (spec.width < 0) { spec.minus = true; spec.width = -spec.width; spec.zero = false; }
      } else out += '%!(BADWIDTH)';
    } else spec.width = readNum();
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const p = args[argi++];
        if (typeof p === 'bigint' && p >= 0n && p <= 1_000_000n) spec.prec = Number(p);
        else out += '%!(BADPREC)';
      } else spec.prec = readNum() ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatVerb(args[argi++], verb, spec, 0);
  }
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => (a === null ? '<nil>' : `${goTypeName(a)}=${formatValue(a)}`)).join(', ') + ')';
  }
  return out;
}
