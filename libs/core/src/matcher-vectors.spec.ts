import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { matchersToString, sortMatchers, Matcher } from './matcher';
import { parseMatchers, parseMatcher } from './parse-matchers';
import { parseUtf8Matchers } from './utf8-matcher-parser';
import vectors from './testdata/matchers.json';

// Inputs that 0.25 (Go 1.19 regexp) rejects but Alertmanager >= 0.27 (Go >= 1.22) accepts:
// `(?<name>…)` capture groups became valid RE2 syntax in Go 1.22; re2js accepts them too.
const NEWER_REGEXP_SYNTAX = new Set(['foo=~"(?<n>a)"']);

function routeString(input: string | string[], mode: 'fallback' | 'classic'): string {
  const list = Array.isArray(input) ? input : [input];
  const all: Matcher[] = list.flatMap((s) => parseMatchers(s, mode));
  return matchersToString(sortMatchers(all));
}

function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('route matchers vectors from amtool 0.25 (check-config / config routes show)', () => {
  assert.ok(vectors.routes.vectors.length > 50);
  for (const v of vectors.routes.vectors) {
    const input = v.input as string | string[];
    const label = JSON.stringify(input);
    if (v.ok) {
      test(`classic and fallback both print ${label} as amtool does`, () => {
        assert.equal(routeString(input, 'classic'), v.string);
        // Fallback mode always agrees with classic when classic succeeds.
        assert.equal(routeString(input, 'fallback'), v.string);
      });
    } else {
      test(`classic mode rejects ${label} with amtool's message`, () => {
        const list = Array.isArray(input) ? input : [input];
        if (NEWER_REGEXP_SYNTAX.has(list[0])) {
          assert.equal(errorOf(() => routeString(input, 'classic')), undefined);
          return;
        }
        assert.equal(errorOf(() => routeString(input, 'classic')), v.error);
      });
      test(`fallback mode on ${label}: UTF-8 parse if it can, otherwise amtool's message`, () => {
        const list = Array.isArray(input) ? input : [input];
        const utf8Accepts = list.every((s) => errorOf(() => parseUtf8Matchers(s)) === undefined);
        const err = errorOf(() => routeString(input, 'fallback'));
        if (utf8Accepts) assert.equal(err, undefined);
        else assert.equal(err, v.error);
      });
    }
  }
});

describe('API filter vectors from Alertmanager 0.25 (GET /api/v2/alerts?filter=)', () => {
  for (const v of vectors.filters.vectors) {
    const label = JSON.stringify(v.input);
    test(`classic single-matcher parse of ${label} behaves like 0.25`, () => {
      const err = errorOf(() => parseMatcher(v.input, 'classic'));
      assert.equal(err, v.ok ? undefined : v.error);
    });
    test(`fallback single-matcher parse of ${label} follows >= 0.27 rules`, () => {
      const err = errorOf(() => parseMatcher(v.input));
      if (v.input.startsWith('{') || v.input.endsWith('}')) {
        assert.equal(err, `unexpected open or close brace: ${v.input}`);
      } else if (v.ok) {
        assert.equal(err, undefined);
      } else if (errorOf(() => parseUtf8Matchers(v.input)) === undefined && parseUtf8Matchers(v.input).length === 1) {
        assert.equal(err, undefined);
      } else {
        assert.equal(err, v.error);
      }
    });
  }
});
