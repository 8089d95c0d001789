// POST /alerts ingestion: defaults, empty-label removal and validation (Alertmanager 1.4 steps 1-5).
import { LabelSet, fingerprint, goQuote, isValidLabelName, compareUtf8 } from '../../core/src';
import type { StoredAlert } from './alert';
import { GO_ZERO_TIME_MS, isZeroTime } from './go-time';

/** A posted alert after JSON parsing; unset times are `undefined`, `null` or `GO_ZERO_TIME_MS`. */
export interface PostedAlert {
  labels: LabelSet;
  annotations?: LabelSet;
  startsAt?: number | null;
  endsAt?: number | null;
  generatorURL?: string;
}

export interface NormalizeOptions {
  now: number;
  resolveTimeoutMs: number;
  /** Label-name rule; defaults to the UTF-8 (fallback mode) rule. Pass the classic rule for `classic-mode`. */
  isValidLabelName?: (name: string) => boolean;
}

export type NormalizeResult = { ok: true; alert: StoredAlert } | { ok: false; error: string };

export function normalizePostedAlert(posted: PostedAlert, options: NormalizeOptions): NormalizeResult {
  const { now, resolveTimeoutMs } = options;
  const validName = options.isValidLabelName ?? isValidLabelName;
  const endsGiven = !isZeroTime(posted.endsAt);
  let endsAt = endsGiven ? (posted.endsAt as number) : GO_ZERO_TIME_MS;
  let startsAt = !isZeroTime(posted.startsAt) ? (posted.startsAt as number) : endsGiven ? endsAt : now;
  let timeout = false;
  if (!endsGiven) {
    endsAt = now + resolveTimeoutMs;
    timeout = true;
  }
  const labels = withoutEmptyValues(posted.labels ?? {});
  const annotations = { ...(posted.annotations ?? {}) };
  const error = validate(startsAt, endsAt, labels, annotations, validName);
  if (error !== undefined) return { ok: false, error };
  return {
    ok: true,
    alert: {
      labels,
      annotations,
      startsAt,
      endsAt,
      generatorURL: posted.generatorURL ?? '',
      updatedAt: now,
      timeout,
      fingerprint: fingerprint(labels),
    },
  };
}

function withoutEmptyValues(labels: LabelSet): LabelSet {
  const out: LabelSet = {};
  for (const name of Object.keys(labels)) if (labels[name] !== '') out[name] = labels[name];
  return out;
}

/** Alertmanager's `Alert.Validate` messages, in its order. */
function validate(
  startsAt: number,
  endsAt: number,
  labels: LabelSet,
  annotations: LabelSet,
  validName: (name: string) => boolean,
): string | undefined {
  if (isZeroTime(startsAt)) return 'start time missing';
  if (!isZeroTime(endsAt) && endsAt < startsAt) return 'start time must be before end time';
  const badLabel = firstInvalidName(labels, validName);
  if (badLabel !== undefined) return `invalid label set: invalid name ${goQuote(badLabel)}`;
  if (Object.keys(labels).length === 0) return 'at least one label pair required';
  const badAnnotation = firstInvalidName(annotations, validName);
  if (badAnnotation !== undefined) return `invalid annotations: invalid name ${goQuote(badAnnotation)}`;
  return undefined;
}

/** The first invalid name in Go's order; names are sorted only when one is invalid (every alert passes here). */
function firstInvalidName(set: LabelSet, validName: (name: string) => boolean): string | undefined {
  const names = Object.keys(set);
  if (names.every(validName)) return undefined;
  return names.sort(compareUtf8).find((name) => !validName(name));
}
