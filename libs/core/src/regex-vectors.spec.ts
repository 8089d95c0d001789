import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compileAnchoredRegex } from './regex';
import captured from './testdata/regex.json';

interface RegexVectors {
  compile: Array<{ pattern: string; ok: boolean; error?: string }>;
  patterns: string[];
  matches: Array<{ value: string; matchedPatterns: string[] }>;
}
const vectors = captured as unknown as RegexVectors;

// Go 1.22 added `(?<name>…)`; Alertmanager >= 0.27 is built with it, 0.25 (Go 1.19) is not.
// With that syntax known, `(?<=…)` fails as an invalid named capture instead.
const NEWER_GO_SYNTAX: Record<string, string | undefined> = {
  '(?<name>x)': undefined,
  '(?<=a)b': 'error parsing regexp: invalid named capture: `(?<=a)b)$`',
};

function compileError(pattern: string): string | undefined {
  try {
    compileAnchoredRegex(pattern);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('RE2 compile vectors from amtool 0.25', () => {
  assert.ok(vectors.compile.length > 50);
  for (const c of vectors.compile) {
    test(`${JSON.stringify(c.pattern)} ${c.ok ? 'compiles' : 'fails like Go'}`, () => {
      const expected = c.pattern in NEWER_GO_SYNTAX ? NEWER_GO_SYNTAX[c.pattern] : c.ok ? undefined : c.error;
      assert.equal(compileError(c.pattern), expected);
    });
  }
});

describe('RE2 match vectors from amtool 0.25 (config routes test)', () => {
  assert.ok(vectors.patterns.length > 40 && vectors.matches.length > 40);
  for (const m of vectors.matches) {
    test(`value ${JSON.stringify(m.value)} matches exactly the same patterns`, () => {
      const ours = vectors.patterns.filter((p) => compileAnchoredRegex(p).test(m.value));
      assert.deepEqual(ours, vectors.patterns.filter((p) => m.matchedPatterns.includes(p)));
    });
  }

  test('the vectors are not trivial: some values match many patterns, some none', () => {
    const counts = vectors.matches.map((m) => m.matchedPatterns.length);
    assert.ok(Math.max(...counts) >= 5);
    assert.ok(counts.includes(0) || counts.some((c) => c <= 2));
  });
});
