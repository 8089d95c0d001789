// Label matching for the API's `filter` query parameter (`GET /alerts`, `/alerts/groups`), which
// treats empty matcher values specially: `foo=""`/`foo=~""` pass when `foo` is absent, and
// `foo!=""`/`foo!~""` pass when `foo` is present, whatever its value.
import type { LabelSet } from './labels';
import type { Matcher } from './matcher';

export function matchesFilterLabels(ms: readonly Matcher[], labels: LabelSet): boolean {
  for (const m of ms) {
    const present = Object.prototype.hasOwnProperty.call(labels, m.name);
    const value = present ? labels[m.name] : '';
    const negative = m.type === '!=' || m.type === '!~';
    if (m.value === '' && (negative ? present : !present)) continue;
    if (!m.matches(value)) return false;
  }
  return true;
}
