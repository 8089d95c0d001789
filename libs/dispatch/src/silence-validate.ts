// Silence validation with Alertmanager's messages (0.34 wording by default, 0.25 on request).
import { RE2JS } from 're2js';
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

/**
 * `'current'`: 0.28+ prefix `invalid silence: ` and the matcher-set wording of 0.34
 * (`invalid label matcher 0 in set 0: …`, `matcher set 0: at least one matcher …`).
 * `'0.25'`: prefix `silence invalid: `, no set wording (what the installed 0.25 answers).
 */
export type SilenceMessageStyle = 'current' | '0.25';

export interface SilenceValidationOptions {
  isValidLabelName?: (name: string) => boolean;
  style?: SilenceMessageStyle;
}

export type SilenceValidation = { ok: true; matchers: Matcher[] } | { ok: false; error: string };

/**
 * Alertmanager's store validation (`validateSilence`). The API's own pre-checks (start before
 * end, end not in the past) come first and are separate: see `checkPostedSilenceTimes`.
 */
export function validateSilence(spec: SilenceSpec, options: SilenceValidationOptions = {}): SilenceValidation {
  const current = (options.style ?? 'current') === 'current';
  const isValidName = options.isValidLabelName ?? isValidLabelName;
  const fail = (message: string): SilenceValidation => ({
    ok: false,
    error: (current ? 'invalid silence: ' : 'silence invalid: ') + message,
  });
  if (spec.matchers.length === 0) return fail(current ? 'at least one matcher set required' : 'at least one matcher required');
  const matchers: Matcher[] = [];
  for (let i = 0; i < spec.matchers.length; i++) {
    const built = buildMatcher(spec.matchers[i], isValidName);
    if (typeof built === 'string') return fail(`invalid label matcher ${i}${current ? ' in set 0' : ''}: ${built}`);
    matchers.push(built);
  }
  if (matchers.every(matchesEmptyString)) {
    return fail(`${current ? 'matcher set 0: ' : ''}at least one matcher must not match the empty string`);
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
    return `invalid regular expression ${goQuote(spec.value)}: ${unanchoredRegexError(spec.value, err)}`;
  }
}

/** Silences compile the bare pattern, so Go's error quotes it without the `^(?:…)$` anchoring. */
function unanchoredRegexError(pattern: string, anchoredError: unknown): string {
  try {
    RE2JS.compile(pattern);
  } catch (err) {
    if (err instanceof Error) return err.message;
  }
  return anchoredError instanceof Error ? anchoredError.message : String(anchoredError);
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
