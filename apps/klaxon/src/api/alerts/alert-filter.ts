// GET /alerts and /alerts/groups query parameters: state flags, `filter` matchers, `receiver` regex.
import { AnchoredRegex, compileAnchoredRegex, LabelSet, Matcher, parseMatcher } from '../../../../../libs/core/src';
import { ApiError } from '../http/api-error';
import { boolParam, listParam, RawQuery, stringParam } from '../http/query-params';

export interface AlertFilter {
  active: boolean;
  silenced: boolean;
  inhibited: boolean;
  /** Groups only. */
  muted: boolean;
  matchers: Matcher[];
  receiver?: AnchoredRegex;
  /** `receiver_matchers` (0.33+): matchers on the receiver's labels. */
  receiverMatchers: Matcher[];
}

function parseFilterMatchers(texts: string[]): Matcher[] {
  return texts.map((text) => {
    try {
      return parseMatcher(text);
    } catch (err) {
      throw ApiError.text(400, (err as Error).message);
    }
  });
}

/** `unprocessed` is accepted and ignored, as in every Alertmanager version. */
export function readAlertFilter(query: RawQuery): AlertFilter {
  const matchers = parseFilterMatchers(listParam(query, 'filter'));
  const receiverMatchers = parseFilterMatchers(listParam(query, 'receiver_matchers'));
  const receiverText = stringParam(query, 'receiver');
  let receiver: AnchoredRegex | undefined;
  if (receiverText !== undefined && receiverText !== '') {
    try {
      receiver = compileAnchoredRegex(receiverText);
    } catch (err) {
      throw ApiError.text(400, `failed to parse receiver param: ${(err as Error).message}`);
    }
  }
  return {
    active: boolParam(query, 'active'),
    silenced: boolParam(query, 'silenced'),
    inhibited: boolParam(query, 'inhibited'),
    muted: boolParam(query, 'muted'),
    matchers,
    receiver,
    receiverMatchers,
  };
}
