// Alert fingerprints, label-set printing and hashing, byte-compatible with Prometheus/Alertmanager.
import { createHash } from 'node:crypto';
import { goQuote } from './go-quote';
import type { LabelSet } from './labels';
import { compareUtf8, utf8Bytes } from './utf8';

const SEPARATOR = 0xff;
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;

/** Label names in UTF-8 byte order (Go's sort order). */
export function sortedLabelNames(labels: LabelSet): string[] {
  const names = Object.keys(labels);
  // UTF-16 order equals UTF-8 byte order unless a name holds a surrogate or a code unit above it.
  return names.some(hasHighCodeUnit) ? names.sort(compareUtf8) : names.sort();
}

function hasHighCodeUnit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800) return true;
  return false;
}

/**
 * FNV-1a 64 over `name 0xFF value 0xFF` for each label, names in UTF-8 byte order; printed as 16
 * lower-case hex digits. The empty set gives `cbf29ce484222325`. This runs for every ingested alert:
 * the 64-bit state is two 32-bit halves, and ASCII text is hashed without encoding it first.
 */
export function fingerprint(labels: LabelSet): string {
  const state = { hi: OFFSET_HI, lo: OFFSET_LO };
  for (const name of sortedLabelNames(labels)) {
    feedString(state, name);
    feedByte(state, SEPARATOR);
    feedString(state, labels[name]);
    feedByte(state, SEPARATOR);
  }
  return hex8(state.hi) + hex8(state.lo);
}

interface FnvState {
  hi: number;
  lo: number;
}

function feedByte(state: FnvState, byte: number): void {
  const lo = (state.lo ^ byte) >>> 0;
  // Multiply the 64-bit (hi, lo) by the FNV prime 2^40 + 0x1b3, modulo 2^64.
  const loProduct = lo * 0x1b3;
  const carry = Math.floor(loProduct / 0x100000000);
  state.hi = (state.hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
  state.lo = loProduct >>> 0;
}

function feedString(state: FnvState, s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      for (const b of utf8Bytes(s.slice(i))) feedByte(state, b);
      return;
    }
    feedByte(state, c);
  }
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * How LabelSet.String() orders its `name="value"` pieces: `names` sorts by label name (prometheus/
 * common as used by Alertmanager >= 0.27); `pairs` sorts the printed pieces themselves, which is
 * what 0.25 does (so `a0="…"` comes before `a="…"` there, because '0' < '=').
 */
export type LabelSetOrder = 'names' | 'pairs';

/** Prometheus `LabelSet.String()`: `{a="x", b="y"}`, values Go-quoted, `", "` separated. */
export function labelSetString(labels: LabelSet, order: LabelSetOrder = 'names'): string {
  if (order === 'pairs') {
    const pieces = Object.keys(labels).map((n) => `${n}=${goQuote(labels[n])}`);
    return '{' + pieces.sort(compareUtf8).join(', ') + '}';
  }
  return '{' + sortedLabelNames(labels).map((n) => `${n}=${goQuote(labels[n])}`).join(', ') + '}';
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `s` (PagerDuty dedup keys, OpsGenie aliases). */
export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}
