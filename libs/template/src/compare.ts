// The comparison builtins eq, ne, lt, le, gt, ge with Go's rules: operands must have the same
// basic kind (bool, int, float, string); ints of any sign compare; nil compares only with nil.
import { GoDuration, GoValue, SafeString } from './values';

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
      else truth = arg1 === arg;
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
