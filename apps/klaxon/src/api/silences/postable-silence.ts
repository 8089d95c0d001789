// POST /silences body: Go's decoding (400), then go-swagger's schema checks (422, first error only).
import type { MatcherSpec } from '../../../../../libs/dispatch/src';
import { ApiError, VALIDATION } from '../http/api-error';
import { parseApiTime } from '../http/api-time';
import { bodyError, goJsonKind } from '../http/json-body';

export interface PostableSilence {
  id?: string;
  matchers: MatcherSpec[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
  annotations?: Record<string, string>;
}

const fail = (reason: string) => bodyError('silence', reason);
const required = (field: string) => ApiError.validation(VALIDATION.required, `${field} in body is required`);

function optionalString(o: Record<string, unknown>, field: string, goField: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw fail(`json: cannot unmarshal ${goJsonKind(v)} into Go struct field ${goField} of type string`);
  return v;
}

function optionalBool(o: Record<string, unknown>, field: string, goField: string): boolean | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw fail(`json: cannot unmarshal ${goJsonKind(v)} into Go struct field ${goField} of type bool`);
  return v;
}

function optionalTime(o: Record<string, unknown>, field: string): number | undefined {
  const text = optionalString(o, field, `PostableSilence.${field}`);
  if (text === undefined) return undefined;
  try {
    return parseApiTime(text);
  } catch (err) {
    throw fail((err as Error).message);
  }
}

interface DecodedMatcher {
  name?: string;
  value?: string;
  isRegex?: boolean;
  isEqual?: boolean;
}

function decodeMatchers(v: unknown): DecodedMatcher[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw fail(`json: cannot unmarshal ${goJsonKind(v)} into Go struct field PostableSilence.matchers of type models.Matchers`);
  return v.map((item) => {
    if (item !== null && goJsonKind(item) !== 'object') {
      throw fail(`json: cannot unmarshal ${goJsonKind(item)} into Go struct field PostableSilence.matchers of type models.Matcher`);
    }
    const m = (item ?? {}) as Record<string, unknown>;
    return {
      name: optionalString(m, 'name', 'Matcher.matchers.name'),
      value: optionalString(m, 'value', 'Matcher.matchers.value'),
      isRegex: optionalBool(m, 'isRegex', 'Matcher.matchers.isRegex'),
      isEqual: optionalBool(m, 'isEqual', 'Matcher.matchers.isEqual'),
    };
  });
}

function decodeAnnotations(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (goJsonKind(v) !== 'object') throw fail(`json: cannot unmarshal ${goJsonKind(v)} into Go struct field PostableSilence.annotations of type models.LabelSet`);
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
    if (typeof value !== 'string') throw fail(`json: cannot unmarshal ${goJsonKind(value)} into Go struct field PostableSilence.annotations of type string`);
    out[k] = value;
  }
  return out;
}

/** Decodes and schema-checks a posted silence, or throws Alertmanager's 400/422. */
export function readPostableSilence(json: unknown): PostableSilence {
  if (json === undefined || json === null) throw required('silence');
  if (goJsonKind(json) !== 'object') {
    throw fail(`json: cannot unmarshal ${goJsonKind(json)} into Go value of type struct { ID string "json:\\"id,omitempty\\"" }`);
  }
  const o = json as Record<string, unknown>;
  const id = optionalString(o, 'id', 'PostableSilence.id');
  const annotations = decodeAnnotations(o.annotations);
  const comment = optionalString(o, 'comment', 'PostableSilence.comment');
  const createdBy = optionalString(o, 'createdBy', 'PostableSilence.createdBy');
  const endsAt = optionalTime(o, 'endsAt');
  const matchers = decodeMatchers(o.matchers);
  const startsAt = optionalTime(o, 'startsAt');

  // go-swagger validates fields in alphabetical order; a required field must be present (it may be "").
  if (comment === undefined) throw required('comment');
  if (createdBy === undefined) throw required('createdBy');
  if (endsAt === undefined) throw required('endsAt');
  if (matchers === undefined) throw required('matchers');
  if (matchers.length === 0) throw ApiError.validation(VALIDATION.tooFewItems, 'matchers in body should have at least 1 items');
  matchers.forEach((m, i) => {
    if (m.isRegex === undefined) throw required(`matchers.${i}.isRegex`);
    if (m.name === undefined) throw required(`matchers.${i}.name`);
    if (m.value === undefined) throw required(`matchers.${i}.value`);
  });
  if (startsAt === undefined) throw required('startsAt');

  return {
    id: id || undefined,
    matchers: matchers.map((m) => {
      const equal = m.isEqual ?? true;
      const type = m.isRegex ? (equal ? '=~' : '!~') : equal ? '=' : '!=';
      return { name: m.name as string, type, value: m.value as string };
    }),
    startsAt,
    endsAt,
    createdBy,
    comment,
    annotations,
  };
}
