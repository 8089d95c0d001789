// Go's regexp.QuoteMeta, which Alertmanager applies to the receiver name in template data.
const REGEX_META = /[\\.+*?()|[\]{}^$]/g;

export function quoteMeta(s: string): string {
  return s.replace(REGEX_META, (c) => '\\' + c);
}
