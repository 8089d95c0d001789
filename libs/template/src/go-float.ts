// Float formatting as Go's strconv does it: %e, %f, %g (shortest or with precision).

/** Splits |x| into its shortest decimal digits and exponent: 1234.5 -> {digits:"12345", exp:3}. */
function shortestDigits(x: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(x).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

function goExponent(exp: number): string {
  const sign = exp < 0 ? '-' : '+';
  const abs = Math.abs(exp);
  return 'e' + sign + (abs < 10 ? '0' + abs : String(abs));
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return undefined;
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Rounds half to even on the exact binary value, as Go does (JS toFixed rounds exact ties up). */
function toFixedEven(abs: number, prec: number): string {
  const s = abs.toFixed(prec);
  const longer = abs.toFixed(Math.min(100, prec + 30));
  const tail = longer.slice(longer.length - 30);
  if (/^50*$/.test(tail)) {
    // An exact tie: round to even.
    const truncated = longer.slice(0, longer.length - 30).replace(/\.$/, '');
    const lastDigit = Number(truncated[truncated.length - 1]);
    if (lastDigit % 2 === 0) return truncated;
  }
  return s;
}

export function formatFloatF(x: number, prec: number): string {
  const sp = special(x);
  if (sp) return sp;
  return signOf(x) + toFixedEven(Math.abs(x), prec);
}

export function formatFloatE(x: number, prec: number, upper = false): string {
  const sp = special(x);
  if (sp) return sp;
  let mant: string;
  let exp: number;
  if (prec < 0) {
    const d = shortestDigits(x);
    mant = d.digits.length > 1 ? d.digits[0] + '.' + d.digits.slice(1) : d.digits;
    exp = d.exp;
  } else {
    const [m, e] = Math.abs(x).toExponential(prec).split('e');
    mant = m;
    exp = Number(e);
  }
  const out = signOf(x) + mant + goExponent(exp);
  return upper ? out.toUpperCase() : out;
}

/** strconv.FormatFloat(x, 'g', prec, 64); prec -1 means the shortest representation. */
export function formatFloatG(x: number, prec: number, upper = false): string {
  const sp = special(x);
  if (sp) return sp;
  if (x === 0) return signOf(x) + '0';
  let digits: string;
  let exp: number;
  if (prec < 0) {
    ({ digits, exp } = shortestDigits(x));
  } else {
    const p = prec === 0 ? 1 : prec;
    const [m, e] = Math.abs(x).toExponential(p - 1).split('e');
    digits = m.replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(e);
  }
  let eprec = prec < 0 ? 6 : prec === 0 ? 1 : prec;
  if (prec >= 0 && eprec > digits.length && digits.length >= exp + 1) eprec = digits.length;
  if (prec < 0) eprec = 6;
  let out: string;
  if (exp < -4 || exp >= eprec) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    out = mant + goExponent(exp);
  } else if (exp < 0) {
    out = '0.' + '0'.repeat(-exp - 1) + digits;
  } else if (digits.length > exp + 1) {
    out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  }
  out = signOf(x) + out;
  return upper ? out.toUpperCase() : out;
}

/** %x / %X of a float: hexadecimal mantissa and binary exponent, 0x1.8p+01. */
export function formatFloatHex(x: number, prec: number | undefined, upper: boolean): string {
  const sp = special(x);
  if (sp) return sp;
  let out: string;
  if (x === 0) {
    out = signOf(x) + '0x0' + (prec ? '.' + '0'.repeat(prec) : '') + 'p+00';
  } else {
    const abs = Math.abs(x);
    let exp = Math.floor(Math.log2(abs));
    if (2 ** exp > abs) exp--;
    if (2 ** (exp + 1) <= abs) exp++;
    // 52 fraction bits as 13 hex digits.
    let frac = BigInt(Math.round((abs / 2 ** exp - 1) * 2 ** 52));
    let digits = frac.toString(16).padStart(13, '0');
    let lead = 1;
    if (prec !== undefined && prec < 13) {
      const shift = BigInt((13 - prec) * 4);
      const half = 1n << (shift - 1n);
      let q = frac >> shift;
      const r = frac & ((1n << shift) - 1n);
      if (r > half || (r === half && (q & 1n) === 1n)) q++;
      if (q >> BigInt(prec * 4) > 0n) {
        lead++;
        q &= (1n << BigInt(prec * 4)) - 1n;
      }
      if (lead === 2) {
        lead = 1;
        exp++;
      }
      frac = q;
      digits = prec === 0 ? '' : frac.toString(16).padStart(prec, '0');
    } else {
      digits = digits.replace(/0+$/, '');
      if (prec !== undefined) digits = digits.padEnd(prec, '0');
    }
    const e = exp < 0 ? '-' + String(-exp).padStart(2, '0') : '+' + String(exp).padStart(2, '0');
    out = signOf(x) + '0x' + lead + (digits ? '.' + digits : '') + 'p' + e;
  }
  return upper ? out.toUpperCase() : out;
}
