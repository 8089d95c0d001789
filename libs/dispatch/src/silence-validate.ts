// Silence validation with Alertmanager's (0.34) messages.
import { Matcher, MatchType, isValidLabelName, isWellFormedUtf16, goQuote } from '../../core/src';
import { isZeroTime } from './go-time';

/** A matcher as posted: name, operator and raw value (a regex is not compiled yet). */
export interface MatcherSpec {
  name: string;
  type: MatchType;
  value: string;
}

export interface SilenceSpec {
  matchers: readonly MatcherSpec[];
  startsAt: number;
  endsAt: number;
}

export const SILENCE_ERROR_PREFIX = 'invalid silence: ';

export type SilenceValidation = { ok: true; matchers: Matcher[] } | { ok: false; error: string };

/**
 * Alertmanager's store validation (`validateSilence`); errors carry the `invalid silence: `
 * prefix of 0.28+. The API's own pre-checks (start before end, end not in the past) are
 * separate: see `checkPostedSilenceTimes`.
 */
export function validateSilence(
  spec: SilenceSpec,
  isValidName: (name: string) => boolean = isValidLabelName,
): SilenceValidation {
  const fail = (message: string): SilenceValidation => ({ ok: false, error: SILENCE_ERROR_PREFIX + message });
  if (spec.matchers.length === 0) return fail('at least one matcher set required');
  const matchers: Matcher[] = [];
  for (let i = 0; i < spec.matchers.length; i++) {
    const built = buildMatcher(spec.matchers[i], isValidName);
    if (typeof built === 'string') return fail(`invalid label matcher ${i} in set 0: ${built}`);
    matchers.push(built);
  }
  if (matchers.every(matchesEmptyString)) {
    return fail('matcher set 0: at least one matcher must not match the empty string');
  }
  if (isZeroTime(spec.startsAt)) return fail('invalid zero start timestamp');
  if (isZeroTime(spec.endsAt)) return fail('invalid zero end timestamp');
  if (spec.endsAt < spec.startsAt) return fail('end time must not be before start time');
  return { ok: true, matchers };
}

function buildMatcher(spec: MatcherSpec, isValidName: (name: string) => boolean): Matcher | string {
  if (!isValidName(spec.name)) return `invalid label name ${goQuote(spec.name)}`;
  if ((spec.type === '=' || spec.type === '!=') && !isWellFormedUtf16(spec.value)) {
    return `invalid label value ${goQuote(spec.value)}`;
  }
  try {
    return Matcher.create(spec.type, spec.name, spec.value);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return `invalid regular expression ${goQuote(spec.value)}: ${reason}`;
  }
}

/** Only `=` and `=~` can match the empty string for the purpose of this check. */
function matchesEmptyString(m: Matcher): boolean {
  return (m.type === '=' || m.type === '=~') && m.matches('');
}

/**
 * The API handler's checks before the store sees a posted silence, as Alertmanager words them
 * (its 400 body is the JSON string of this message).
 */
export function checkPostedSilenceTimes(spec: Pick<SilenceSpec, 'startsAt' | 'endsAt'>, now: number): string | undefined {
  if (spec.startsAt >= spec.endsAt) return 'Failed to create silence: start time must be before end time';
  if (spec.endsAt < now) return "Failed to create silence: end time can't be in the past";
  return undefined;
}
