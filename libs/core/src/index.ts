// Public API of libs/core: labels, matchers, regexes, fingerprints and durations.
export { LabelSet, isValidLabelName, isValidLegacyLabelName } from './labels';
export { compareUtf8, isWellFormedUtf16, utf8Bytes } from './utf8';
export { AnchoredRegex, compileAnchoredRegex, anchoredRegexCacheSize, ANCHORED_REGEX_CACHE_LIMIT } from './regex';
export {
  Matcher,
  MatchType,
  ApiMatcher,
  MATCH_TYPES,
  matchersToString,
  matchesLabels,
  compareMatchers,
  sortMatchers,
} from './matcher';
export {
  parseMatchers,
  parseMatcher,
  parseMatchersDetailed,
  parseMatcherDetailed,
  MatcherParseMode,
  FallbackOutcome,
  FallbackResult,
} from './parse-matchers';
export { parseClassicMatchers, parseClassicMatcher } from './classic-matcher-parser';
export { parseUtf8Matchers, parseUtf8Matcher } from './utf8-matcher-parser';
export { matchesFilterLabels } from './filter-labels';
export { fingerprint, labelSetString, LabelSetOrder, sha256Hex, sortedLabelNames } from './fingerprint';
export { parseDuration, formatDuration } from './duration';
export { parseGoDuration, parseGoDurationNs, formatGoDuration, formatGoDurationNs } from './go-duration';
export { goQuote } from './go-quote';
export { goUnquote } from './go-unquote';
