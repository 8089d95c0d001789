// The comparison builtins eq, ne, lt, le, gt, ge with Go's rules: operands must have the same
// basic kind (bool, int, float, string); ints of any sign compare; nil compares only with nil.
import { formatValue } from './go-fmt';
import { GoTime } from './go-time';
import { GoDuration, GoFunc, GoList, GoMap, GoStruct, GoValue, SafeString, goTypeName } from './values';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

const BAD_COMPARISON = 'incompatible types for comparison';
const BAD_COMPARISON_TYPE = 'invalid type for comparison';
const NO_COMPARISON = 'missing argument for comparison';

function basicKind(v: GoValue): BasicKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || v instanceof GoDuration) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string' || v instanceof SafeString) return 'string';
  return 'invalid';
}

function scalar(v: GoValue): string | number | bigint | boolean {
  if (v instanceof SafeString) return v.value;
  if (v instanceof GoDuration) return v.nanos;
  return v as string | number | bigint | boolean;
}

export function eq(arg1: GoValue, ...rest: GoValue[]): boolean {
  if (rest.length === 0) throw new Error(NO_COMPARISON);
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    let truth: boolean;
    if (k1 !== k2) {
      if (arg1 !== null && arg !== null) throw new Error(BAD_COMPARISON);
      truth = false;
    } else if (k1 === 'invalid') {
      if (arg1 === null || arg === null) truth = arg1 === arg;
      else {
        if (goTypeName(arg1) !== goTypeName(arg)) {
          throw new Error(`non-comparable types ${formatValue(arg1)}: ${goTypeName(arg1)}, ${goTypeName(arg)}: ${formatValue(arg)}`);
        }
        if (!comparable(arg)) throw new Error(`non-comparable type ${formatValue(arg)}: ${goTypeName(arg)}`);
        truth = sameValue(arg1, arg);
      }
    } else {
      truth = scalar(arg1) === scalar(arg);
    }
    if (truth) return true;
  }
  return false;
}

export function ne(a: GoValue, b: GoValue): boolean {
  return !eq(a, b);
}

export function lt(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new Error(BAD_COMPARISON_TYPE);
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new Error(BAD_COMPARISON_TYPE);
  if (k1 !== k2) throw new Error(BAD_COMPARISON);
  if (k1 === 'bool') throw new Error(BAD_COMPARISON_TYPE);
  if (k1 === 'string') return Buffer.compare(Buffer.from(scalar(a) as string), Buffer.from(scalar(b) as string)) < 0;
  return (scalar(a) as number) < (scalar(b) as number);
}

export function le(a: GoValue, b: GoValue): boolean {
  return lt(a, b) || eq(a, b);
}

export function gt(a: GoValue, b: GoValue): boolean {
  return !le(a, b);
}

export function ge(a: GoValue, b: GoValue): boolean {
  return !lt(a, b);
}

/** Go's == is defined for structs of comparable fields; maps, slices and funcs are not comparable. */
function comparable(v: GoValue): boolean {
  if (v instanceof GoMap || v instanceof GoList || v instanceof GoFunc) return false;
  if (v instanceof GoStruct) return v.fields.every(([, f]) => comparable(f));
  return true;
}

function sameValue(a: GoValue, b: GoValue): boolean {
  if (a instanceof GoTime && b instanceof GoTime) {
    return a.unixNanos() === b.unixNanos() && a.zone.name === b.zone.name && a.zone.offsetSeconds === b.zone.offsetSeconds;
  }
  if (a instanceof GoStruct && b instanceof GoStruct) return a.fields.every(([, f], i) => sameValue(f, b.fields[i][1]));
  if (basicKind(a) !== 'invalid') return scalar(a) === scalar(b);
  return a === b;
}
