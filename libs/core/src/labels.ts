// Label sets and label-name validity.
import { isWellFormedUtf16 } from './utf8';

export type LabelSet = Record<string, string>;

const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Classic Prometheus label name: `[a-zA-Z_][a-zA-Z0-9_]*` (0.25 and `classic-mode`). */
export function isValidLegacyLabelName(name: string): boolean {
  return LEGACY_LABEL_NAME.test(name);
}

/** Label name in Alertmanager's default (fallback) and UTF-8 strict modes: non-empty valid UTF-8. */
export function isValidLabelName(name: string): boolean {
  return name.length > 0 && isWellFormedUtf16(name);
}
