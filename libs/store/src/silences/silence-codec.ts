// Silences are kept as JSON with matchers as `{name,type,value}` (regexes recompiled on read).
import { Matcher, MatchType } from '../../../core/src';
import type { Silence } from '../../../dispatch/src';

interface StoredMatcher {
  name: string;
  type: MatchType;
  value: string;
}

type StoredSilence = Omit<Silence, 'matchers'> & { matchers: StoredMatcher[] };

export function encodeSilence(s: Silence): string {
  const stored: StoredSilence = {
    ...s,
    matchers: s.matchers.map((m) => ({ name: m.name, type: m.type, value: m.value })),
  };
  return JSON.stringify(stored);
}

export function decodeSilence(text: string): Silence {
  const stored = JSON.parse(text) as StoredSilence;
  return { ...stored, matchers: stored.matchers.map((m) => Matcher.create(m.type, m.name, m.value)) };
}

/** The size a silence takes in the store, for `--silences.max-silence-size-bytes`. */
export function silenceSizeBytes(s: Silence): number {
  return Buffer.byteLength(encodeSilence(s));
}
