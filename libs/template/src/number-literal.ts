// Number and character literals in actions, classified as Go's parser does: whether each is
// usable as an int, and as a float.
import type { NumberNode } from './ast';
import { quoteGo } from './go-quote';
import { unquoteChar } from './go-unquote';

/** Builds the node for a literal; throws with Go's message for malformed or overflowing ones. */
export function numberLiteral(text: string, pos: number): NumberNode {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isFloat: false, intValue: 0n, floatValue: 0 };
  if (text.startsWith("'")) {
    const cp = unquoteChar(text);
    n.isInt = true;
    n.isFloat = true;
    n.intValue = BigInt(cp);
    n.floatValue = cp;
    return n;
  }
  if (text.endsWith('i')) throw new Error(`complex numbers are not supported: ${quoteGo(text)}`);
  const int = parseGoInt(text);
  if (int !== undefined && int >= -(2n ** 63n) && int < 2n ** 63n) {
    n.isInt = true;
    n.intValue = int;
    n.isFloat = true;
    n.floatValue = Number(int);
    return n;
  }
  if (int !== undefined && int >= 0n && int < 2n ** 64n) {
    // Fits a uint64 but not an int: parses, and fails when used (Go: "overflows int").
    n.isFloat = true;
    n.floatValue = Number(int);
    return n;
  }
  const f = parseGoFloat(text);
  if (f !== undefined) {
    if (!/[.eEpP]/.test(text) || /^[+-]?0[xX][^pP]*$/.test(text)) throw new Error(`integer overflow: ${quoteGo(text)}`);
    n.isFloat = true;
    n.floatValue = f;
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
      n.isInt = true;
      n.intValue = BigInt(f);
    }
    return n;
  }
  throw new Error(`illegal number syntax: ${quoteGo(text)}`);
}

function parseGoInt(text: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return undefined;
  let body = m[2];
  if (body.includes('_')) {
    if (/__|_$|^_/.test(body.replace(/^0[xXbBoO]/, ''))) return undefined;
    body = body.replace(/_/g, '');
  }
  let v: bigint;
  if (/^0[xXbBoO]/.test(body)) v = BigInt(body.toLowerCase().replace(/^0o/, '0o'));
  else if (body.length > 1 && body.startsWith('0')) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body);
  return m[1] === '-' ? -v : v;
}

function parseGoFloat(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(t)) return Number(t);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (hex) {
    const mant = parseInt((hex[2] || '0') + (hex[3] || ''), 16) / 16 ** hex[3].length;
    const v = mant * 2 ** Number(hex[4]);
    return hex[1] === '-' ? -v : v;
  }
  return undefined;
}
